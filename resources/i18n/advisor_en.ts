<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>HouseholdSummaryView</name>
    <message>
        <location filename="../../advisor_app/gui/household_summary.py" line="32"/>
        <source>家</source>
        <translation>household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_summary.py" line="32"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_summary.py" line="32"/>
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_summary.py" line="32"/>
        <source>岁</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_summary.py" line="33"/>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_summary.py" line="33"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="129"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="129"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="129"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="129"/>
        <source>人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="130"/>
        <source>当前状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="130"/>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="130"/>
        <source>下次核查</source>
        <translation>Next review</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="130"/>
        <source>未发送</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="157"/>
        <source>已过核查日期</source>
        <translation>Review overdue</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="101"/>
        <source>搜索：姓名、拼音首字母（如 wxx）、身份证号后几位、村（社区）</source>
        <translation>Search: name, pinyin initials (e.g. wxx), last digits of an ID number, village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="135"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="165"/>
        <location filename="../../advisor_app/gui/main_window.py" line="334"/>
        <source>新建家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="166"/>
        <source>登记一户新的家庭</source>
        <translation>Register a new household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="167"/>
        <source>编辑家庭</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="168"/>
        <source>打开选中的家庭</source>
        <translation>Open the selected household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="169"/>
        <location filename="../../advisor_app/gui/main_window.py" line="357"/>
        <source>记录走访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="170"/>
        <source>为选中的家庭记录一次走访</source>
        <translation>Record a visit to the selected household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="171"/>
        <source>批量筛查</source>
        <translation>Screen all</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="172"/>
        <source>按现行政策重新核对全部家庭的救助资格</source>
        <translation>Re-check every household against the current policy</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="174"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="175"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="176"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="179"/>
        <location filename="../../advisor_app/gui/main_window.py" line="402"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="181"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="193"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="197"/>
        <source>家庭(&amp;H)</source>
        <translation>&amp;Household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="200"/>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="206"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="208"/>
        <location filename="../../advisor_app/gui/main_window.py" line="399"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="216"/>
        <source>帮助(&amp;A)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="221"/>
        <source>（暂无可打印的表格）</source>
        <translation>(no printable forms yet)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="266"/>
        <source>找到 %1 户（共 %2 户）</source>
        <translation>%1 households found (of %2)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="269"/>
        <source>共 %1 户</source>
        <translation>%1 households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="301"/>
        <location filename="../../advisor_app/gui/main_window.py" line="354"/>
        <source>请先在列表中选择一户家庭</source>
        <translation>Select a household in the list first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="334"/>
        <source>家庭编辑界面尚未提供。</source>
        <translation>The household editor is not available yet.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="357"/>
        <source>走访记录界面尚未提供。</source>
        <translation>The visit record screen is not available yet.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="374"/>
        <source>已筛查 %1 户，用时 %2 秒</source>
        <translation>Screened %1 households in %2 s</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="378"/>
        <source>正在批量筛查</source>
        <translation>Screening all households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="385"/>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="390"/>
        <source>救助顾问工作台</source>
        <translation>Assistance Advisor Workbench</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="392"/>
        <source>演示数据</source>
        <translation>demo data</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="399"/>
        <source>界面语言将在下次启动程序时切换。</source>
        <translation>The language changes the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="403"/>
        <source>救助顾问工作台 %1

为村（社区）救助顾问设计的桌面工具：家庭登记、入户走访、资格核对、表格打印，无网络也能使用。</source>
        <translation>Assistance Advisor Workbench %1

A desktop tool for village and community social-assistance advisors: household registry, home visits, eligibility checks and printed forms, all working without a network.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../advisor_app/gui/operations.py" line="204"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/operations.py" line="236"/>
        <source>正在取消，数据将保持原样…</source>
        <translation>Cancelling; the data stays as it was…</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="167"/>
        <source>本村（社区）公示名单…</source>
        <translation>Public notice list of the village…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="178"/>
        <source>请先在列表中选择一户家庭</source>
        <translation>Select a household in the list first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="203"/>
        <source>公示名单</source>
        <translation>Public notice list</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="51"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="54"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="57"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../advisor_app/gui/print_preview.py" line="59"/>
        <source>共 %n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="95"/>
        <source>无法开始打印</source>
        <translation>Cannot start printing</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="122"/>
        <source>打印 %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="128"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="131"/>
        <location filename="../../advisor_app/gui/print_preview.py" line="138"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="132"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="138"/>
        <source>无法写入文件：</source>
        <translation>Cannot write the file: </translation>
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
