<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../advisor_app/gui/app.py" line="238"/>
        <source>上次运行异常结束</source>
        <translation>The last session ended abnormally</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/app.py" line="238"/>
        <source>上次运行没有正常关闭（程序崩溃或被强行结束）。已保存的资料不受影响；未保存的走访记录草稿会在稍后提示恢复。

故障记录：%1
如需技术支持，请把这个文件发给县里的信息员。</source>
        <translation>The last session did not close normally (the program crashed or was killed). Saved records are not affected; unsaved visit drafts will be offered for restoring shortly.

Crash trace: %1
For technical support, send this file to the county&apos;s IT contact.</translation>
    </message>
</context>
<context>
    <name>AssetsEditor</name>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="53"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="62"/>
        <source>家庭财产</source>
        <translation>Household assets</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="64"/>
        <source>金融资产（元）</source>
        <translation>Financial assets (yuan)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="65"/>
        <source>机动车（辆）</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="66"/>
        <source>自住以外的房屋（套）</source>
        <translation>Houses besides the home</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="67"/>
        <source>近12个月刚性支出</source>
        <translation>Unavoidable spending, last 12 months</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="69"/>
        <source>医疗自付费用（元）</source>
        <translation>Self-paid medical costs (yuan)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="70"/>
        <source>教育支出（元）</source>
        <translation>Education costs (yuan)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="71"/>
        <source>突发困难</source>
        <translation>Sudden hardship</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="73"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="74"/>
        <source>发生日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="71"/>
        <source>复制说明</source>
        <translation>Copy explanation</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="72"/>
        <source>把核对结果和理由复制到剪贴板，可发给家庭</source>
        <translation>Copy the results and reasons to the clipboard, to send to the family</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="76"/>
        <source>核对日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="84"/>
        <source>资格核对</source>
        <translation>Eligibility check</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="92"/>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="165"/>
        <source>填写家庭成员后，这里会显示可申请的救助项目。</source>
        <translation>Once members are entered, the programmes the household can apply for appear here.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="154"/>
        <source>核对时出错：%1</source>
        <translation>The check failed: %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="169"/>
        <source>第%1名成员</source>
        <translation>Member %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="170"/>
        <source>%1的身份证号有误，暂不能核对：%2</source>
        <translation>%1&apos;s ID number is wrong, so no check yet: %2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="194"/>
        <source>计入家庭人口 %1 人，家庭月收入 %2 元，月人均 %3 元</source>
        <translation>Members counted: %1, household income %2 yuan a month, %3 yuan per person</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="198"/>
        <source>；低保标准 %1 元/人/月</source>
        <translation>; dibao standard %1 yuan per person per month</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="200"/>
        <source>；没有该地区在该日期的低保标准</source>
        <translation>; no dibao standard for this region on this date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="213"/>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="233"/>
        <source>每月 %1 元</source>
        <translation>%1 yuan a month</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="214"/>
        <source>最多 %1 元</source>
        <translation>at most %1 yuan</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="239"/>
        <source>每次最多 %1 元</source>
        <translation>at most %1 yuan each time</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="243"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="247"/>
        <source>需补充：</source>
        <translation>Still needed: </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="263"/>
        <source>家庭月收入再增加 %1 元将不再符合</source>
        <translation>No longer eligible if monthly income rises by %1 yuan</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="264"/>
        <source>家庭月收入至少需减少 %1 元才符合</source>
        <translation>Eligible only if monthly income falls by at least %1 yuan</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="268"/>
        <source>收入低于低保标准，应按低保申请</source>
        <translation>Income is below the dibao standard: apply for dibao</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="270"/>
        <source>家庭月收入再增加 %1 元将超出低保边缘标准</source>
        <translation>Above the near-dibao line if monthly income rises by %1 yuan</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="271"/>
        <source>家庭月收入至少需减少 %1 元才属于低保边缘</source>
        <translation>Near-dibao only if monthly income falls by at least %1 yuan</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="51"/>
        <source>程序出错</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="54"/>
        <source>程序遇到了意外错误。已录入的数据已经保存；刚才的操作可能没有完成。
请把下面的错误信息复制给技术支持人员。</source>
        <translation>The program ran into an unexpected error. The data you entered is saved; the last action may not have finished.
Please copy the details below for the support person.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="59"/>
        <source>日志文件：</source>
        <translation>Log file: </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="68"/>
        <source>复制错误信息</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="95"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="96"/>
        <source>撤销上一次修改（Ctrl+Z）</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="97"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="98"/>
        <source>保存这户家庭（Ctrl+S）</source>
        <translation>Save this household (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="108"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="110"/>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="112"/>
        <source>财产与支出</source>
        <translation>Assets and spending</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="114"/>
        <source>赡养人</source>
        <translation>Supporters</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="140"/>
        <source>与居住地址不同时填写</source>
        <translation>Fill in when it differs from the home address</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="149"/>
        <source>所属地区（政策表）</source>
        <translation>Region (policy table)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="150"/>
        <source>户籍性质</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="151"/>
        <source>乡镇（街道）</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="152"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="153"/>
        <source>居住地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="154"/>
        <source>户籍地址</source>
        <translation>Registered address (hukou)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="155"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="156"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="358"/>
        <location filename="../../advisor_app/gui/household_editor.py" line="395"/>
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="218"/>
        <location filename="../../advisor_app/gui/household_editor.py" line="397"/>
        <location filename="../../advisor_app/gui/household_editor.py" line="405"/>
        <location filename="../../advisor_app/gui/household_editor.py" line="409"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="218"/>
        <source>请先改正以下内容，家庭信息没有保存：</source>
        <translation>Please correct the following first; the household was not saved:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="225"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="236"/>
        <source>没有可以撤销的修改</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="241"/>
        <source>已撤销上一次修改</source>
        <translation>Last change undone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="249"/>
        <location filename="../../advisor_app/gui/household_editor.py" line="289"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="249"/>
        <source>这户家庭有未保存的修改。要保存吗？</source>
        <translation>This household has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="289"/>
        <source>当前家庭有未保存的修改，放弃这些修改吗？</source>
        <translation>The current household has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="386"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="410"/>
        <source>打开该户</source>
        <translation>Open that household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="411"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="430"/>
        <source>新建家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="432"/>
        <source>户主：%1</source>
        <translation>Head: %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="437"/>
        <source>（未保存）</source>
        <translation>(not saved)</translation>
    </message>
</context>
<context>
    <name>HouseholdListPane</name>
    <message>
        <location filename="../../advisor_app/gui/household_list_pane.py" line="74"/>
        <source>搜索：姓名、拼音首字母（如 wxx）、身份证号后几位、村（社区）</source>
        <translation>Search: name, pinyin initials (e.g. wxx), last digits of an ID number, village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_list_pane.py" line="90"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_list_pane.py" line="191"/>
        <source>找到 %1 户（共 %2 户）</source>
        <translation>%1 households found (of %2)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_list_pane.py" line="194"/>
        <source>共 %1 户</source>
        <translation>%1 households</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="142"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="142"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="142"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="142"/>
        <source>人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="143"/>
        <source>当前状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="143"/>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="143"/>
        <source>下次核查</source>
        <translation>Next review</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="143"/>
        <source>未发送</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="170"/>
        <source>已过核查日期</source>
        <translation>Review overdue</translation>
    </message>
</context>
<context>
    <name>IncomeTable</name>
    <message>
        <location filename="../../advisor_app/gui/income_table.py" line="39"/>
        <source>收入类别</source>
        <translation>Income type</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/income_table.py" line="39"/>
        <source>月收入（元）</source>
        <translation>Monthly (yuan)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/income_table.py" line="40"/>
        <source>添加收入</source>
        <translation>Add income</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/income_table.py" line="40"/>
        <source>删除收入</source>
        <translation>Remove income</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="98"/>
        <source>新建家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="99"/>
        <source>登记一户新的家庭</source>
        <translation>Register a new household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="100"/>
        <source>编辑家庭</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="101"/>
        <source>打开选中的家庭</source>
        <translation>Open the selected household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="102"/>
        <source>记录走访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="103"/>
        <source>为选中的家庭记录一次走访</source>
        <translation>Record a visit to the selected household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="104"/>
        <source>资格核对</source>
        <translation>Eligibility check</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="105"/>
        <source>按政策核对选中家庭可申请的救助项目</source>
        <translation>Check which programmes the selected household can apply for</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="106"/>
        <source>批量筛查</source>
        <translation>Screen all</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="107"/>
        <source>按现行政策重新核对全部家庭的救助资格</source>
        <translation>Re-check every household against the current policy</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="108"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="109"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="110"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="113"/>
        <location filename="../../advisor_app/gui/main_window.py" line="305"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="115"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="127"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="131"/>
        <source>家庭(&amp;H)</source>
        <translation>&amp;Household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="134"/>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="137"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="139"/>
        <location filename="../../advisor_app/gui/main_window.py" line="302"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="147"/>
        <source>帮助(&amp;A)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="184"/>
        <location filename="../../advisor_app/gui/main_window.py" line="238"/>
        <location filename="../../advisor_app/gui/main_window.py" line="255"/>
        <source>请先在列表中选择一户家庭</source>
        <translation>Select a household in the list first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="271"/>
        <source>已筛查 %1 户，用时 %2 秒</source>
        <translation>Screened %1 households in %2 s</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="275"/>
        <source>正在批量筛查</source>
        <translation>Screening all households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="288"/>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="293"/>
        <source>救助顾问工作台</source>
        <translation>Assistance Advisor Workbench</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="295"/>
        <source>演示数据</source>
        <translation>demo data</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="302"/>
        <source>界面语言将在下次启动程序时切换。</source>
        <translation>The language changes the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="306"/>
        <source>救助顾问工作台 %1

为村（社区）救助顾问设计的桌面工具：家庭登记、入户走访、资格核对、表格打印，无网络也能使用。</source>
        <translation>Assistance Advisor Workbench %1

A desktop tool for village and community social-assistance advisors: household registry, home visits, eligibility checks and printed forms, all working without a network.</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="75"/>
        <source>添加成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="76"/>
        <source>删除成员</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="110"/>
        <source>18位居民身份证号</source>
        <translation>18-character resident ID number</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="117"/>
        <source>无残疾</source>
        <translation>No disability</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="121"/>
        <source>患重特大疾病</source>
        <translation>Serious illness</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="122"/>
        <source>在校学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="126"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="133"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="135"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="137"/>
        <source>性别、年龄</source>
        <translation>Sex, age</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="138"/>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="143"/>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="150"/>
        <source>不能自理的日常活动（勾选不能独立完成的项目）</source>
        <translation>Daily activities not managed alone (tick those)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="159"/>
        <source>已离家</source>
        <translation>Away from home</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="161"/>
        <source>去向</source>
        <translation>Whereabouts</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="163"/>
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="300"/>
        <source>%1，%2岁（出生于%3）</source>
        <translation>%1, %2 years (born %3)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="307"/>
        <source>具备生活自理能力</source>
        <translation>Can care for self</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="308"/>
        <source>部分丧失生活自理能力</source>
        <translation>Partly unable to care for self</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="308"/>
        <source>完全丧失生活自理能力</source>
        <translation>Fully unable to care for self</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="309"/>
        <source>不能自理 %1 项：%2</source>
        <translation>Cannot manage %1: %2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="311"/>
        <source>（已记录项数，未指明具体项目）</source>
        <translation>(count recorded, activities not named)</translation>
    </message>
</context>
<context>
    <name>NeedsTable</name>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="18"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="18"/>
        <source>需求描述</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="18"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="19"/>
        <source>添加需求</source>
        <translation>Add need</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="19"/>
        <source>删除需求</source>
        <translation>Remove need</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="63"/>
        <source>打印公示名单</source>
        <translation>Print public notice</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="81"/>
        <source>默认为公示开始的月份，如 2026年12月</source>
        <translation>Default: the month the notice starts, e.g. 2026年12月</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="84"/>
        <source>如 0551-12345678，下次自动填入</source>
        <translation>e.g. 0551-12345678; filled in next time</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="92"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="96"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="97"/>
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="98"/>
        <source>期别</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="99"/>
        <source>监督电话</source>
        <translation>Complaint phone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="101"/>
        <source>生成公示名单</source>
        <translation>Make the notice</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="130"/>
        <source>没有可公示的村（社区）：请先登记家庭</source>
        <translation>No village to give notice for: register households first</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../advisor_app/gui/operations.py" line="234"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/operations.py" line="266"/>
        <source>正在取消，数据将保持原样…</source>
        <translation>Cancelling; the data stays as it was…</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="249"/>
        <source>本村（社区）公示名单…</source>
        <translation>Public notice list of the village…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="260"/>
        <source>请先在列表中选择一户家庭</source>
        <translation>Select a household in the list first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="310"/>
        <source>公示名单</source>
        <translation>Public notice list</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="97"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="100"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="103"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../advisor_app/gui/print_preview.py" line="105"/>
        <source>共 %n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="160"/>
        <source>无法开始打印</source>
        <translation>Cannot start printing</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="187"/>
        <source>打印 %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="193"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="197"/>
        <location filename="../../advisor_app/gui/print_preview.py" line="206"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="198"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="206"/>
        <source>无法写入文件：</source>
        <translation>Cannot write the file: </translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../../advisor_app/gui/region_picker.py" line="48"/>
        <source>%1（无政策表）</source>
        <translation>%1 (no policy table)</translation>
    </message>
</context>
<context>
    <name>SupportersEditor</name>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="17"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="17"/>
        <source>与申请人关系</source>
        <translation>Relation to applicant</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="17"/>
        <source>有无赡养能力</source>
        <translation>Able to support</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="17"/>
        <source>无能力的原因</source>
        <translation>Why not able</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="18"/>
        <source>添加赡养人</source>
        <translation>Add supporter</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="19"/>
        <source>删除赡养人</source>
        <translation>Remove supporter</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="21"/>
        <source>不在本户居住的法定赡养、抚养、扶养义务人。无赡养能力时请写明原因（如本人为低保对象且年满60岁、重度残疾等）。</source>
        <translation>Relatives legally obliged to support the household who live elsewhere. When one cannot, give the reason (e.g. on dibao and aged 60 or over, severe disability).</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="32"/>
        <source>有能力</source>
        <translation>Able</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="33"/>
        <source>无能力</source>
        <translation>Not able</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="73"/>
        <source>记录走访 — %1</source>
        <translation>Record visit — %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="93"/>
        <source>姓名之间用顿号或逗号隔开，如：王芳、李强</source>
        <translation>Names separated by commas, e.g. 王芳、李强</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="95"/>
        <source>入户所见、家庭陈述的情况</source>
        <translation>What was seen at home and what the family said</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="98"/>
        <source>约定下次走访</source>
        <translation>Next visit agreed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="103"/>
        <source>下一步要做的事，如：转介慈善资源、协助申请低保</source>
        <translation>What to do next, e.g. refer to a charity, help apply for dibao</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="114"/>
        <source>走访类型</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="116"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="117"/>
        <source>调查（走访）人员</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="119"/>
        <source>情况记录</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="125"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="126"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="127"/>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="239"/>
        <source>放弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="129"/>
        <source>不保存这次走访，并删除自动保存的草稿</source>
        <translation>Do not save this visit and delete its autosaved draft</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="138"/>
        <source>发现的需求（资金、实物、服务）</source>
        <translation>Needs found (cash, goods, services)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="143"/>
        <source>后续跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="212"/>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="232"/>
        <source>无法保存走访记录</source>
        <translation>Cannot save the visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="239"/>
        <source>不保存这次走访记录，并删除它的草稿吗？</source>
        <translation>Discard this visit and delete its draft?</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="259"/>
        <source>有未保存的内容</source>
        <translation>Unsaved content</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="276"/>
        <source>草稿已自动保存（%1）</source>
        <translation>Draft autosaved (%1)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="309"/>
        <source>已恢复上次未保存的走访记录草稿。保存后草稿自动删除。</source>
        <translation>The unsaved visit draft was restored. Saving deletes the draft.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="39"/>
        <source>无法完成</source>
        <translation>Could not finish</translation>
    </message>
</context>
</TS>
