<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdvisorsDialog</name>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="46"/>
        <source>救助顾问的数据包</source>
        <translation>Advisors&apos; bundles</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="50"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="54"/>
        <source>标出这么多天以上没有发来数据包的救助顾问：</source>
        <translation>Highlight advisors who sent no bundle for at least:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="60"/>
        <source>救助顾问</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="60"/>
        <source>负责的村（社区）</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="60"/>
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="60"/>
        <source>最近收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="61"/>
        <source>数据包编号</source>
        <translation>Bundle no.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="61"/>
        <source>缺少的数据包</source>
        <translation>Missing bundles</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="61"/>
        <source>家庭户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="61"/>
        <source>未发送</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="62"/>
        <source>待确认</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="62"/>
        <source>距上次收到</source>
        <translation>Since last bundle</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="67"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="84"/>
        <source>（已停用）</source>
        <translation> (revoked)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="85"/>
        <source>从未收到</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="95"/>
        <source>这些编号的数据包没有导入；后来的数据包已包含它们的全部内容</source>
        <translation>These bundles were never imported; the later bundles carried everything in them</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="109"/>
        <source>%1 天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="114"/>
        <source>已经 %1 天没有发来数据包</source>
        <translation>No bundle for %1 days</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/advisors_dialog.py" line="115"/>
        <source>%1 名救助顾问 %2 天以上没有发来数据包</source>
        <translation>%1 advisor(s) sent no bundle for %2 days or more</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../advisor_app/gui/app.py" line="404"/>
        <source>上次运行异常结束</source>
        <translation>The last session ended abnormally</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/app.py" line="404"/>
        <source>上次运行没有正常关闭（程序崩溃或被强行结束）。已保存的资料不受影响；未保存的走访记录草稿会在稍后提示恢复。

故障记录：%1
如需技术支持，请把这个文件发给县里的信息员。</source>
        <translation>The last session did not close normally (the program crashed or was killed). Saved records are not affected; unsaved visit drafts will be offered for restoring shortly.

Crash trace: %1
For technical support, send this file to the county&apos;s IT contact.</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="44"/>
        <source>归档家庭</source>
        <translation>Archive household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="46"/>
        <source>归档 %1（%2 人）</source>
        <translation>Archive %1 (%2 people)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="50"/>
        <source>归档后，这户家庭不再出现在家庭列表、搜索、户数统计、批量筛查、公示名单和台账中；记录仍保存在数据库里（用于同步和核查），可以在列表的“已归档”中恢复。</source>
        <translation>Once archived, this household no longer appears in the household list, search, household counts, batch screening, public notices or ledgers. Its records stay in the database (for sync and audit) and it can be restored from the list&apos;s &quot;Archived&quot; view.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="65"/>
        <source>原因说明，如：迁往合肥市区（选“其他”时必填）</source>
        <translation>Details, e.g. moved to Hefei city (required for &quot;Other&quot;)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="74"/>
        <source>归档原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="75"/>
        <source>原因说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="76"/>
        <source>归档日期</source>
        <translation>Archived on</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="78"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="79"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="128"/>
        <source>取消归档</source>
        <translation>Cancel archiving</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archive_dialog.py" line="128"/>
        <source>不归档这户家庭，放弃已选择的原因和填写的说明吗？</source>
        <translation>Do not archive this household and discard the chosen reason and the details typed?</translation>
    </message>
</context>
<context>
    <name>ArchivedTableModel</name>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="279"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="279"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="279"/>
        <source>人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="279"/>
        <source>归档日期</source>
        <translation>Archived on</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="280"/>
        <source>归档原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="280"/>
        <source>经办人</source>
        <translation>Archived by</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="284"/>
        <source>未记录原因</source>
        <translation>No reason recorded</translation>
    </message>
</context>
<context>
    <name>ArchivedView</name>
    <message>
        <location filename="../../advisor_app/gui/archived_view.py" line="40"/>
        <source>在册家庭</source>
        <translation>Registered households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archived_view.py" line="41"/>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archived_view.py" line="42"/>
        <source>已归档的家庭不出现在列表、公示和台账中，可以恢复</source>
        <translation>Archived households are left out of the list, notices and ledgers, and can be restored</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archived_view.py" line="45"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archived_view.py" line="46"/>
        <source>把选中的家庭恢复到在册家庭中</source>
        <translation>Bring the selected household back into the registered households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archived_view.py" line="93"/>
        <source>已归档 %1 户</source>
        <translation>%1 archived households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/archived_view.py" line="107"/>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
</context>
<context>
    <name>AssetsEditor</name>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="58"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="67"/>
        <source>家庭财产</source>
        <translation>Household assets</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="69"/>
        <source>金融资产（元）</source>
        <translation>Financial assets (yuan)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="70"/>
        <source>机动车（辆）</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="71"/>
        <source>残疾人代步车（辆）</source>
        <translation>Disability vehicles</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="72"/>
        <source>生产用车（辆）</source>
        <translation>Production vehicles</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="73"/>
        <source>普通机动车，不含残疾人代步车和生产用车</source>
        <translation>Ordinary motor vehicles, not counting disability or production vehicles</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="74"/>
        <source>残疾成员本人使用的代步车（不算作家庭财产）</source>
        <translation>Mobility vehicles a disabled member uses (not counted as an asset)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="75"/>
        <source>用于生产的车辆，如农用三轮车、小货车（不算作家庭财产）</source>
        <translation>Vehicles used for production, such as a farm tricycle or a small truck (not counted as an asset)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="80"/>
        <source>自住以外的房屋（套）</source>
        <translation>Houses besides the home</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="81"/>
        <source>近12个月刚性支出</source>
        <translation>Unavoidable spending, last 12 months</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="83"/>
        <source>医疗自付费用（元）</source>
        <translation>Self-paid medical costs (yuan)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="84"/>
        <source>教育支出（元）</source>
        <translation>Education costs (yuan)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="85"/>
        <source>突发困难</source>
        <translation>Sudden hardship</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="87"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="88"/>
        <source>发生日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/assets_editor.py" line="89"/>
        <source>正在享受的救助</source>
        <translation>Assistance received now</translation>
    </message>
</context>
<context>
    <name>AutoLock</name>
    <message>
        <location filename="../../advisor_app/gui/auto_lock.py" line="233"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>BundleExport</name>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="54"/>
        <source>U 盘：%1（%2）</source>
        <translation>USB drive: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="57"/>
        <source>上次用的文件夹：%1</source>
        <translation>Folder used last time: %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="63"/>
        <source>选择保存数据包的文件夹</source>
        <translation>Choose the folder to save the bundle in</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="172"/>
        <source>还没有登记任何救助顾问，不能导出数据包。

救助顾问先在自己的电脑上运行 advisor-app enrol request --out 申请.json，把申请文件交给乡镇；乡镇核对指纹后运行 advisor-app enrol approve 申请.json --villages 村名 --out 答复.json，把答复文件交回。登记只需要做一次。</source>
        <translation>No advisor is enrolled yet, so there is nobody to export a bundle to.

The advisor first runs advisor-app enrol request --out request.json on their own laptop and gives the request file to the office; the office compares the fingerprint, runs advisor-app enrol approve request.json --villages VILLAGE --out answer.json and gives the answer file back. Enrolment is done once.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="176"/>
        <source>本机还没有登记到乡镇，不能导出数据包。

登记的三步：
1. 在本机运行 advisor-app enrol request --out 申请.json，把申请文件交给乡镇，并把显示的指纹念给乡镇核对；
2. 乡镇运行 advisor-app enrol approve 申请.json --villages 村名 --out 答复.json；
3. 在本机运行 advisor-app enrol accept 答复.json。
登记只需要做一次。</source>
        <translation>This laptop is not enrolled with a town office yet, so it cannot export a bundle.

Enrolment in three steps:
1. On this laptop run advisor-app enrol request --out request.json, give the request file to the office and read the fingerprint shown to the office to compare;
2. The office runs advisor-app enrol approve request.json --villages VILLAGE --out answer.json;
3. On this laptop run advisor-app enrol accept answer.json.
Enrolment is done once.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="193"/>
        <source>还没有登记</source>
        <translation>Not enrolled yet</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="224"/>
        <source>导出完成</source>
        <translation>Export done</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="224"/>
        <source>导出没有全部完成</source>
        <translation>Export not fully done</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="227"/>
        <source>正在导出数据包…</source>
        <translation>Exporting the bundle…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="229"/>
        <source>没有导出</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="239"/>
        <source>家庭</source>
        <translation>household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="239"/>
        <source>家庭成员</source>
        <translation>member</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="240"/>
        <source>走访记录</source>
        <translation>visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="240"/>
        <source>需求</source>
        <translation>need</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="241"/>
        <source>政策标准表</source>
        <translation>policy table</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="249"/>
        <source>已导出给%1的第 %2 号数据包：</source>
        <translation>Bundle no. %2 for %1 exported:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="256"/>
        <source>%1 %2 条</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="257"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="260"/>
        <source>共 %1 条记录，涉及 %2 户家庭（%3）。</source>
        <translation>%1 records of %2 households (%3).</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="263"/>
        <source>没有需要发送的新记录：这个数据包只带着“已收到”的确认，对方导入后就不会再重复发送。</source>
        <translation>No new records to send: this bundle only carries the acknowledgement of what arrived, so the other side stops sending it again once it imports it.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="266"/>
        <source>数据包分成了 %1 个文件，要全部拷过去。</source>
        <translation>The bundle is split into %1 files: copy all of them.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="271"/>
        <source>救助顾问</source>
        <translation>the advisor</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="271"/>
        <source>乡镇</source>
        <translation>the town office</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="272"/>
        <source>可以把这个文件拷给%1或作为邮件附件发送。</source>
        <translation>You can copy this file to %1 or send it as an email attachment.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="274"/>
        <source>没有导出：</source>
        <translation>Not exported:</translation>
    </message>
</context>
<context>
    <name>BundleImport</name>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="55"/>
        <source>选择要导入的数据包文件</source>
        <translation>Choose the bundle files to import</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="60"/>
        <source>数据包 (*%1)</source>
        <translation>Bundles (*%1)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="61"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="73"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="75"/>
        <source>已导入过，没有变化</source>
        <translation>Imported before, nothing changed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="77"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="78"/>
        <source>暂存：等待第 %1 部分</source>
        <translation>Held: waiting for part %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="79"/>
        <source>暂存</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="80"/>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="189"/>
        <source>正在导入数据包…</source>
        <translation>Importing bundles…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="191"/>
        <source>没有导入</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="56"/>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="69"/>
        <source>更改口令</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="64"/>
        <source>正在用新口令重新加密档案和备份…</source>
        <translation>Re-encrypting the profile and its backups with the new passphrase…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="67"/>
        <source>现在的口令</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="71"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="86"/>
        <source>请输入现在的口令</source>
        <translation>Please type the current passphrase</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="115"/>
        <source>现在的口令不对，口令没有更改</source>
        <translation>The current passphrase is wrong; the passphrase was not changed</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="53"/>
        <source>数据冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="57"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="57"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="57"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="57"/>
        <source>本机的</source>
        <translation>This computer&apos;s</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="58"/>
        <source>对方的</source>
        <translation>Other side&apos;s</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="58"/>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="92"/>
        <source>对方</source>
        <translation>Other side</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="60"/>
        <source>保留本机的</source>
        <translation>Keep this computer&apos;s</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="61"/>
        <source>这一项用本机的值，对方收到下一个数据包后也改成这个值</source>
        <translation>Keep this computer&apos;s value; the other side takes it with the next bundle</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="62"/>
        <source>采用对方的</source>
        <translation>Take the other side&apos;s</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="63"/>
        <source>这一项改用对方的值</source>
        <translation>Use the other side&apos;s value</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="72"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="105"/>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="108"/>
        <source>有 %1 处数据冲突：同一项在本机和对方都改过，值不一样。请逐条选择保留哪一边的值。</source>
        <translation>%1 conflict(s): the same field was changed here and on the other side to different values. Choose which value to keep for each.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/conflicts_dialog.py" line="111"/>
        <source>没有数据冲突。</source>
        <translation>No conflicts.</translation>
    </message>
</context>
<context>
    <name>DemoActions</name>
    <message>
        <location filename="../../advisor_app/gui/demo_actions.py" line="29"/>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/demo_actions.py" line="37"/>
        <source>重置演示数据</source>
        <translation>Reset demo data</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/demo_actions.py" line="38"/>
        <source>删除演示档案里的全部家庭（包括走访记录和筛查结果），再重新生成演示家庭吗？删除后不能恢复。</source>
        <translation>Delete every household of the demo records (with their visits and screening results) and generate the demo households again? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/demo_actions.py" line="45"/>
        <source>演示数据已重置：%1 户</source>
        <translation>Demo data reset: %1 households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/demo_actions.py" line="49"/>
        <source>正在重置演示数据</source>
        <translation>Resetting the demo data</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="89"/>
        <source>复制说明</source>
        <translation>Copy explanation</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="90"/>
        <source>把核对结果和理由复制到剪贴板，可发给家庭</source>
        <translation>Copy the results and reasons to the clipboard, to send to the family</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="94"/>
        <source>核对日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="103"/>
        <source>资格核对</source>
        <translation>Eligibility check</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="111"/>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="190"/>
        <source>填写家庭成员后，这里会显示可申请的救助项目。</source>
        <translation>Once members are entered, the programmes the household can apply for appear here.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="179"/>
        <source>核对时出错：%1</source>
        <translation>The check failed: %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="193"/>
        <source>填写户主姓名、身份证号并选择所属地区后，这里显示测算结果。</source>
        <translation>The assessment appears here once the head&apos;s name and ID number are filled in and a region is chosen.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="197"/>
        <source>第%1名成员</source>
        <translation>Member %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="198"/>
        <source>%1的身份证号有误，暂不能核对：%2</source>
        <translation>%1&apos;s ID number is wrong, so no check yet: %2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="224"/>
        <source>计入家庭人口 %1 人，家庭月收入 %2 元，月人均 %3 元</source>
        <translation>Members counted: %1, household income %2 yuan a month, %3 yuan per person</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="228"/>
        <source>；低保标准 %1 元/人/月</source>
        <translation>; dibao standard %1 yuan per person per month</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="230"/>
        <source>；没有该地区在该日期的低保标准</source>
        <translation>; no dibao standard for this region on this date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="240"/>
        <source>建议这样申请：</source>
        <translation>What to apply for:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="261"/>
        <source>建议这样申请</source>
        <translation>What to apply for</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="286"/>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="309"/>
        <source>每月 %1 元</source>
        <translation>%1 yuan a month</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="287"/>
        <source>最多 %1 元</source>
        <translation>at most %1 yuan</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="315"/>
        <source>每次最多 %1 元</source>
        <translation>at most %1 yuan each time</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="319"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="324"/>
        <source>需补充：</source>
        <translation>Still needed: </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="341"/>
        <source>家庭月收入再增加 %1 元将不再符合</source>
        <translation>No longer eligible if monthly income rises by %1 yuan</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="342"/>
        <source>家庭月收入至少需减少 %1 元才符合</source>
        <translation>Eligible only if monthly income falls by at least %1 yuan</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="346"/>
        <source>收入低于低保标准，应按低保申请</source>
        <translation>Income is below the dibao standard: apply for dibao</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="348"/>
        <source>家庭月收入再增加 %1 元将超出低保边缘标准</source>
        <translation>Above the near-dibao line if monthly income rises by %1 yuan</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/eligibility_panel.py" line="349"/>
        <source>家庭月收入至少需减少 %1 元才属于低保边缘</source>
        <translation>Near-dibao only if monthly income falls by at least %1 yuan</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="77"/>
        <source>给档案设置口令</source>
        <translation>Set a passphrase for the profile</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="78"/>
        <source>这个档案是旧版本保存的，还没有加密。设置口令后，档案和它的备份都会加密，未加密的原文件会被删除。</source>
        <translation>This profile was saved by an earlier release and is not encrypted yet. Once you set a passphrase, the profile and its backups are encrypted and the unencrypted files are deleted.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="85"/>
        <source>加密档案</source>
        <translation>Encrypt the profile</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="86"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <location filename="../../advisor_app/gui/evidence_tab.py" line="29"/>
        <source>其他部门名单里关于这户成员的记录（只供参考，不会改动登记的内容）：</source>
        <translation>What other departments&apos; lists say about this household&apos;s members (for reference; the records are not changed):</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/evidence_tab.py" line="55"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/evidence_tab.py" line="57"/>
        <source>导入于 %1</source>
        <translation>Imported on %1</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="53"/>
        <source>程序出错</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="56"/>
        <source>程序遇到了意外错误。已录入的数据已经保存；刚才的操作可能没有完成。
请把下面的错误信息复制给技术支持人员。</source>
        <translation>The program ran into an unexpected error. The data you entered is saved; the last action may not have finished.
Please copy the details below for the support person.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="61"/>
        <source>日志文件：</source>
        <translation>Log file: </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="70"/>
        <source>复制错误信息</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="73"/>
        <source>导出给救助顾问</source>
        <translation>Export to advisors</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="73"/>
        <source>导出给乡镇</source>
        <translation>Export to the town office</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="74"/>
        <source>把对方还没有确认收到的记录写成一个数据包文件（加密、签名，只有对方能打开）。</source>
        <translation>Writes the records the other side has not yet acknowledged into a bundle file (encrypted and signed: only the other side can open it).</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="79"/>
        <source>全部救助顾问（每人一个文件）</source>
        <translation>All advisors (one file each)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="88"/>
        <source>发给：</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="93"/>
        <source>没有找到插着的 U 盘：插上后点“刷新”，或选择其他文件夹。</source>
        <translation>No USB drive found: plug one in and click “Refresh”, or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="95"/>
        <source>选择其他文件夹…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="97"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="98"/>
        <source>重新查找插着的 U 盘</source>
        <translation>Look for plugged-in USB drives again</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="105"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="106"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="114"/>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_export.py" line="130"/>
        <location filename="../../advisor_app/gui/bundle_export.py" line="154"/>
        <source>文件夹：%1</source>
        <translation>Folder: %1</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="42"/>
        <source>欢迎使用救助顾问工作台</source>
        <translation>Welcome to the Assistance Advisor Workbench</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="54"/>
        <source>请选择怎样开始：

· 试用演示数据：打开一个装有 200 户虚构家庭的演示档案，可以随意练习；演示档案单独存放，标有“演示数据”，打印的每一页都有“演示”水印，不会混入您的真实档案。
· 建立我自己的档案：登记您负责的真实家庭，档案从空白开始。</source>
        <translation>How would you like to start?

· Try the demo data: open demo records with 200 invented households to practise on freely; they are kept apart, marked “Demo data”, every printed page carries a “演示” (demo) watermark, and they never mix with your real records.
· Start my own records: register the real households you serve; your records start empty.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="62"/>
        <source>试用演示数据</source>
        <translation>Try the demo data</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="63"/>
        <source>建立我自己的档案</source>
        <translation>Start my own records</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="80"/>
        <source>这个数据文件夹里有旧版本自动生成的 %1 户演示家庭；建立您自己的档案时，这些虚构家庭会被删除。</source>
        <translation>This data folder holds %1 demo households generated by an earlier version; when you start your own records, these invented households are deleted.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="83"/>
        <source>您自己登记的 %1 户家庭会保留。</source>
        <translation>The %1 households you registered yourself are kept.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="95"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="96"/>
        <source>建立档案</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="104"/>
        <source>建立我自己的档案：新登记的家庭会默认使用这里的地区和第一个村（社区）。</source>
        <translation>Start my own records: new households start with this region and the first village (community).</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="134"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/first_start.py" line="134"/>
        <source>不建立档案并退出，放弃已填写的内容吗？</source>
        <translation>Quit without creating your records, and discard what you typed?</translation>
    </message>
</context>
<context>
    <name>HouseholdActions</name>
    <message>
        <location filename="../../advisor_app/gui/household_actions.py" line="80"/>
        <source>已归档的家庭不能记录走访，请先恢复</source>
        <translation>An archived household cannot have visits recorded: restore it first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_actions.py" line="84"/>
        <source>已归档的家庭不能查看走访记录，请先恢复</source>
        <translation>An archived household&apos;s visits cannot be shown: restore it first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_actions.py" line="93"/>
        <source>已归档的家庭不能做资格核对，请先恢复</source>
        <translation>An archived household cannot be checked: restore it first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_actions.py" line="104"/>
        <source>这户家庭已经归档了</source>
        <translation>This household is already archived</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_actions.py" line="130"/>
        <source>已归档 %1，可在列表的“已归档”中恢复</source>
        <translation>Archived %1; it can be restored from the list&apos;s &quot;Archived&quot; view</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_actions.py" line="138"/>
        <source>已恢复 %1</source>
        <translation>Restored %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../advisor_app/gui/household_actions.py" line="146"/>
        <source>已筛查 %n 户，用时 %1 秒</source>
        <translation>
            <numerusform>Screened %n household in %1 s</numerusform>
            <numerusform>Screened %n households in %1 s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_actions.py" line="150"/>
        <source>正在批量筛查</source>
        <translation>Screening all households</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="97"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="98"/>
        <source>撤销上一次修改（Ctrl+Z）</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="99"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="100"/>
        <source>保存这户家庭（Ctrl+S）</source>
        <translation>Save this household (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="104"/>
        <source>走访记录…</source>
        <translation>Visit history…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="105"/>
        <source>查看这户家庭的历次走访和需求清单，打印走访记录表（Ctrl+H）</source>
        <translation>See this household&apos;s past visits and needs list, print the visit record form (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="115"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="121"/>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="123"/>
        <source>财产与支出</source>
        <translation>Assets and spending</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="125"/>
        <source>赡养人</source>
        <translation>Supporters</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="127"/>
        <source>部门信息</source>
        <translation>Department lists</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="255"/>
        <source>没有可以恢复的修改</source>
        <translation>Nothing to redo</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="257"/>
        <source>已恢复撤销的修改</source>
        <translation>Redid the undone change</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="391"/>
        <location filename="../../advisor_app/gui/household_editor.py" line="431"/>
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="422"/>
        <source>已保存；保存时正在输入的修改尚未保存</source>
        <translation>Saved; the changes typed while saving are not saved yet</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="433"/>
        <location filename="../../advisor_app/gui/household_editor.py" line="441"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="237"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="247"/>
        <source>没有可以撤销的修改</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="249"/>
        <source>已撤销上一次修改</source>
        <translation>Last change undone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="421"/>
        <location filename="../../advisor_app/gui/household_editor.py" line="460"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="190"/>
        <source>新建家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_editor.py" line="459"/>
        <source>（未保存）</source>
        <translation>(not saved)</translation>
    </message>
</context>
<context>
    <name>HouseholdLabel</name>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="61"/>
        <source>%1户</source>
        <translation>%1&apos;s household</translation>
    </message>
</context>
<context>
    <name>HouseholdListPane</name>
    <message>
        <location filename="../../advisor_app/gui/household_list_pane.py" line="94"/>
        <source>搜索：姓名、拼音首字母（如 wxx）、身份证号后几位、村（社区）</source>
        <translation>Search: name, pinyin initials (e.g. wxx), last digits of an ID number, village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_list_pane.py" line="122"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../advisor_app/gui/household_list_pane.py" line="334"/>
        <source>找到 %n 户（共 %1 户）</source>
        <translation>
            <numerusform>%n household found (of %1)</numerusform>
            <numerusform>%n households found (of %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../advisor_app/gui/household_list_pane.py" line="336"/>
        <source>共 %n 户</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdTab</name>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="26"/>
        <source>与居住地址不同时填写</source>
        <translation>Fill in when it differs from the home address</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="35"/>
        <source>所属地区（政策表）</source>
        <translation>Region (policy table)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="36"/>
        <source>户籍性质</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="37"/>
        <source>乡镇（街道）</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="38"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="39"/>
        <source>居住地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="40"/>
        <source>户籍地址</source>
        <translation>Registered address (hukou)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="41"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_tab.py" line="42"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="176"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="176"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="176"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="176"/>
        <source>人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="177"/>
        <source>当前状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="177"/>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="177"/>
        <source>下次核查</source>
        <translation>Next review</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="177"/>
        <source>发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="210"/>
        <source>有改动还没有导出到数据包</source>
        <translation>Changes not yet exported in a bundle</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="212"/>
        <source>已导出，对方还没有确认收到</source>
        <translation>Exported; the other side has not yet confirmed receiving it</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="237"/>
        <source>未发送</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="239"/>
        <source>待确认</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/household_table_model.py" line="208"/>
        <source>已过核查日期</source>
        <translation>Review overdue</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="90"/>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="95"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="95"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="95"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="127"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="129"/>
        <source>查看冲突…</source>
        <translation>View conflicts…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="142"/>
        <source>新增家庭（户）</source>
        <translation>New households</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="142"/>
        <source>更新的家庭（户）</source>
        <translation>Households changed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="143"/>
        <source>合并的记录（条）</source>
        <translation>Records merged</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="143"/>
        <source>新增记录（条）</source>
        <translation>New records</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="144"/>
        <source>更新的记录（条）</source>
        <translation>Records changed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="144"/>
        <source>新的冲突（处）</source>
        <translation>New conflicts</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="145"/>
        <source>对方已处理的冲突（处）</source>
        <translation>Conflicts settled by the other side</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="145"/>
        <source>转给别人负责的家庭（户）</source>
        <translation>Households moved to another advisor</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="146"/>
        <source>暂存的文件（个）</source>
        <translation>Files held</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="146"/>
        <source>拒绝的文件（个）</source>
        <translation>Files refused</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="151"/>
        <source>导入完成：新增 %1 户家庭，更新 %2 户，合并 %3 条记录，新的冲突 %4 处。</source>
        <translation>Import done: %1 new households, %2 changed, %3 records merged, %4 new conflicts.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="155"/>
        <source>%1 个文件以前已经导入过，这次没有任何改动。</source>
        <translation>%1 file(s) had been imported before: nothing changed this time.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="158"/>
        <source>%1 个文件暂存在本机：数据包的其他部分到齐后一起导入。</source>
        <translation>%1 file(s) held on this computer: imported together once the bundle&apos;s other parts are here.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="161"/>
        <source>%1 个文件被拒绝，没有改动任何数据（原因见下表）。</source>
        <translation>%1 file(s) refused, no data changed (the reasons are in the table).</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/bundle_import.py" line="164"/>
        <source>有新的数据冲突：点“查看冲突…”逐条选择保留哪一边的值。</source>
        <translation>There are new conflicts: click “View conflicts…” and choose, one by one, which side&apos;s value to keep.</translation>
    </message>
</context>
<context>
    <name>IncomeTable</name>
    <message>
        <location filename="../../advisor_app/gui/income_table.py" line="58"/>
        <source>收入类别</source>
        <translation>Income type</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/income_table.py" line="58"/>
        <source>月收入（元）</source>
        <translation>Monthly (yuan)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/income_table.py" line="59"/>
        <source>添加收入</source>
        <translation>Add income</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/income_table.py" line="59"/>
        <source>删除收入</source>
        <translation>Remove income</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../advisor_app/gui/language.py" line="24"/>
        <source>zh_CN</source>
        <comment>the code of this translation&apos;s language</comment>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>LedgerExport</name>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="51"/>
        <source>救助帮扶台账</source>
        <translation>Assistance ledger</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="51"/>
        <source>成员台账</source>
        <translation>Member ledger</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="52"/>
        <source>需求台账</source>
        <translation>Needs ledger</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="52"/>
        <source>走访台账</source>
        <translation>Visit ledger</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="53"/>
        <source>筛查结果</source>
        <translation>Screening results</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="66"/>
        <source>保存台账</source>
        <translation>Save ledger</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="67"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="149"/>
        <location filename="../../advisor_app/gui/ledger_export.py" line="185"/>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="173"/>
        <source>正在导出%1</source>
        <translation>Exporting %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="178"/>
        <source>已导出 %1 行到：
%2</source>
        <translation>Exported %1 rows to:
%2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="181"/>
        <source>共 %1 个工作表</source>
        <translation>%1 sheets</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="183"/>
        <source>有 %1 户在筛查之后有改动，结果未导出（见“未列入”工作表），请重新筛查</source>
        <translation>%1 households changed after the screening: their results were not exported (see the sheet “未列入”). Please screen again.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="187"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="189"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>LedgerExportDialog</name>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="82"/>
        <source>导出%1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="86"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="91"/>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="94"/>
        <source>全部村（社区）</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="96"/>
        <source>未填村（社区）</source>
        <translation>No village given</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="97"/>
        <source>村（社区）：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="98"/>
        <source>每个村（社区）一个工作表</source>
        <translation>One sheet per village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="103"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/ledger_export.py" line="104"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <location filename="../../advisor_app/gui/auto_lock.py" line="62"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../advisor_app/gui/auto_lock.py" line="74"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/auto_lock.py" line="85"/>
        <source>为保护家庭信息，程序已锁定。请输入口令解锁，未保存的内容都还在。</source>
        <translation>To protect the families&apos; information the program is locked. Type the passphrase to unlock; nothing unsaved was lost.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/auto_lock.py" line="86"/>
        <source>演示档案：点“解锁”继续。</source>
        <translation>Demo profile: click Unlock to go on.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="111"/>
        <source>演示数据：虚构家庭</source>
        <translation>Demo data: invented families</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="116"/>
        <source>只读：只能查看，不能保存改动</source>
        <translation>Read-only: you can look, not save changes</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="153"/>
        <source>新建家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="154"/>
        <source>登记一户新的家庭</source>
        <translation>Register a new household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="155"/>
        <source>编辑家庭</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="156"/>
        <source>打开选中的家庭</source>
        <translation>Open the selected household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="157"/>
        <source>记录走访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="158"/>
        <source>为选中的家庭记录一次走访</source>
        <translation>Record a visit to the selected household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="159"/>
        <source>走访记录</source>
        <translation>Visit history</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="160"/>
        <source>查看历次走访和需求清单，打印走访记录表</source>
        <translation>See past visits and the needs list, print the visit record form</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="161"/>
        <source>资格核对</source>
        <translation>Eligibility check</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="162"/>
        <source>按政策核对选中家庭可申请的救助项目</source>
        <translation>Check which programmes the selected household can apply for</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="163"/>
        <source>归档家庭…</source>
        <translation>Archive household…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="164"/>
        <source>把这户家庭移出列表、公示和台账（记录保留，可以恢复）</source>
        <translation>Take this household out of the list, notices and ledgers (its records are kept and it can be restored)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="165"/>
        <source>名册差异…</source>
        <translation>Roster differences…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="166"/>
        <source>导入名册时与现在登记的不同之处：逐条接受名册的值或保留现有</source>
        <translation>Where an imported roster differs from what is recorded: accept the roster&apos;s value or keep the current one, item by item</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="167"/>
        <source>批量筛查</source>
        <translation>Screen all</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="168"/>
        <source>按现行政策重新核对全部家庭的救助资格</source>
        <translation>Re-check every household against the current policy</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="169"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="170"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="171"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="174"/>
        <source>档案设置…</source>
        <translation>Profile settings…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="175"/>
        <source>更改所属地区、负责的村（社区）、救助顾问姓名和监督电话</source>
        <translation>Change the region, the villages you serve, the advisor&apos;s name and the complaint phone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="176"/>
        <location filename="../../advisor_app/gui/main_window.py" line="464"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="177"/>
        <source>重置演示数据…</source>
        <translation>Reset demo data…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="178"/>
        <source>删除演示档案里的全部家庭，重新生成演示家庭</source>
        <translation>Delete every household of the demo records and generate the demo households again</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="180"/>
        <source>恢复备份…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="181"/>
        <source>用一份自动备份替换现在的档案（现在的档案先另存为备份）</source>
        <translation>Replace the profile with one of its automatic backups (the current profile is backed up first)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="183"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="196"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="208"/>
        <source>家庭(&amp;H)</source>
        <translation>&amp;Household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="216"/>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="219"/>
        <source>同步(&amp;Y)</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="223"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="227"/>
        <location filename="../../advisor_app/gui/main_window.py" line="461"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="235"/>
        <source>帮助(&amp;A)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="273"/>
        <source>请先保存这户新家庭</source>
        <translation>Save this new household first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="275"/>
        <source>这户家庭已归档，请先恢复</source>
        <translation>This household is archived: restore it first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="277"/>
        <source>请先在列表中选择一户家庭</source>
        <translation>Select a household in the list first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="329"/>
        <source>已归档的家庭不能编辑，请先恢复</source>
        <translation>An archived household cannot be edited: restore it first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/app.py" line="164"/>
        <location filename="../../advisor_app/gui/main_window.py" line="445"/>
        <source>救助顾问工作台</source>
        <translation>Assistance Advisor Workbench</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="443"/>
        <source>演示数据</source>
        <translation>demo data</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="444"/>
        <source>只读</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="461"/>
        <source>界面语言将在下次启动程序时切换。</source>
        <translation>The language changes the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/main_window.py" line="465"/>
        <source>救助顾问工作台 %1

为村（社区）救助顾问设计的桌面工具：家庭登记、入户走访、资格核对、表格打印，无网络也能使用。</source>
        <translation>Assistance Advisor Workbench %1

A desktop tool for village and community social-assistance advisors: household registry, home visits, eligibility checks and printed forms, all working without a network.</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="132"/>
        <source>添加成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="133"/>
        <source>删除成员</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="167"/>
        <source>18位居民身份证号</source>
        <translation>18-character resident ID number</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="175"/>
        <source>无残疾</source>
        <translation>No disability</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="180"/>
        <source>患重特大疾病</source>
        <translation>Serious illness</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="181"/>
        <source>在校学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="185"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="201"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="203"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="205"/>
        <source>性别、年龄</source>
        <translation>Sex, age</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="206"/>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="209"/>
        <source>与户主的关系（户主本人选“户主”）</source>
        <translation>Relation to the head of household (for the head: Head)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="211"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="212"/>
        <source>死亡或宣告日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="217"/>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="224"/>
        <source>不能自理的日常活动（勾选不能独立完成的项目）</source>
        <translation>Daily activities not managed alone (tick those)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="232"/>
        <source>已离家</source>
        <translation>Months away</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="234"/>
        <source>刑期/强制戒毒</source>
        <translation>Sentence or</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="234"/>
        <source>期限（月）</source>
        <translation>rehab (months)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="231"/>
        <source>去向</source>
        <translation>Whereabouts</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="113"/>
        <source>（未填姓名）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="114"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="235"/>
        <source>去向为服刑或强制隔离戒毒时填写：判决或决定的期限</source>
        <translation>For a member in prison or compulsory rehab: the term of the sentence or order</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="239"/>
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="405"/>
        <source>%1，%2岁（出生于%3）</source>
        <translation>%1, %2 years (born %3)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="412"/>
        <source>具备生活自理能力</source>
        <translation>Can care for self</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="413"/>
        <source>部分丧失生活自理能力</source>
        <translation>Partly unable to care for self</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="413"/>
        <source>完全丧失生活自理能力</source>
        <translation>Fully unable to care for self</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="414"/>
        <source>不能自理 %1 项：%2</source>
        <translation>Cannot manage %1: %2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_editor.py" line="416"/>
        <source>（已记录项数，未指明具体项目）</source>
        <translation>(count recorded, activities not named)</translation>
    </message>
</context>
<context>
    <name>MemberStateFields</name>
    <message>
        <location filename="../../advisor_app/gui/member_state.py" line="44"/>
        <source>死亡日期，或法院宣告死亡、宣告失踪的日期</source>
        <translation>The day of death, or of the court declaring the person dead or missing</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_state.py" line="48"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_state.py" line="49"/>
        <source>判决的刑期或强制隔离戒毒决定的期限（不是已离家的月数）</source>
        <translation>The term of the sentence or compulsory-rehab order (not the months away so far)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_state.py" line="51"/>
        <source>无民事行为能力</source>
        <translation>No legal capacity</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_state.py" line="52"/>
        <source>被撤销监护资格</source>
        <translation>Guardianship revoked</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/member_state.py" line="53"/>
        <source>被遣送出境</source>
        <translation>Deported</translation>
    </message>
</context>
<context>
    <name>NeedStatusDialog</name>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="61"/>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="148"/>
        <source>更改需求状态</source>
        <translation>Change need status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="64"/>
        <source>%1（%2发现，现为“%3”）</source>
        <translation>%1 (found %2, now “%3”)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="73"/>
        <source>办理人姓名</source>
        <translation>Name of the person who handled it</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="75"/>
        <source>如：已转介县慈善会；轮椅已送到</source>
        <translation>e.g. referred to the county charity; wheelchair delivered</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="78"/>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="79"/>
        <source>变更日期</source>
        <translation>Date of change</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="80"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="81"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="83"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="84"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="119"/>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="142"/>
        <source>无法更改需求状态</source>
        <translation>Cannot change the need&apos;s status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/need_status_dialog.py" line="148"/>
        <source>放弃已填写的内容吗？</source>
        <translation>Discard what you have typed?</translation>
    </message>
</context>
<context>
    <name>NeedsList</name>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="61"/>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="61"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="61"/>
        <source>需求描述</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="61"/>
        <location filename="../../advisor_app/gui/needs_list.py" line="67"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="62"/>
        <source>最近变更</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="63"/>
        <source>这户家庭的走访还没有登记需求。</source>
        <translation>No needs have been recorded on this household&apos;s visits yet.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="64"/>
        <source>更改状态(&amp;C)…</source>
        <translation>&amp;Change status…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="65"/>
        <source>待办 → 已转介 → 已满足，记下日期和经办人</source>
        <translation>Open → referred → met, with the date and who handled it</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="66"/>
        <source>状态变更记录</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="67"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="67"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="67"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="119"/>
        <source>走访发现（%1）</source>
        <translation>Found on a visit (%1)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_list.py" line="124"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
</context>
<context>
    <name>NeedsTable</name>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="17"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="17"/>
        <source>需求描述</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="17"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="18"/>
        <source>添加需求</source>
        <translation>Add need</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/needs_table.py" line="18"/>
        <source>删除需求</source>
        <translation>Remove need</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="48"/>
        <source>至少 %1 个字符，可以是一句好记的话</source>
        <translation>At least %1 characters; a sentence you remember works well</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="50"/>
        <source>档案用这个口令加密：笔记本丢失时别人读不到家庭信息。忘记口令就无法找回档案，任何人（包括技术人员）都不能恢复，请记在安全的地方。</source>
        <translation>The profile is encrypted with this passphrase: if the laptop is lost, nobody can read the families&apos; records. A forgotten passphrase cannot be recovered by anyone, technical staff included: keep it somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="56"/>
        <source>设置口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="57"/>
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="63"/>
        <source>口令太短：至少 %1 个字符</source>
        <translation>The passphrase is too short: at least %1 characters</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="65"/>
        <source>两次输入的口令不一样</source>
        <translation>The two passphrases are not the same</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="68"/>
        <source>打印公示名单</source>
        <translation>Print public notice</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="87"/>
        <source>默认为公示开始的月份，如 2026年12月</source>
        <translation>Default: the month the notice starts, e.g. 2026年12月</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="90"/>
        <source>如 0551-12345678，下次自动填入</source>
        <translation>e.g. 0551-12345678; filled in next time</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="98"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="102"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="103"/>
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="104"/>
        <source>期别</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="105"/>
        <source>监督电话</source>
        <translation>Complaint phone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="107"/>
        <source>生成公示名单</source>
        <translation>Make the notice</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="137"/>
        <source>没有可公示的村（社区）：请先登记家庭</source>
        <translation>No village to give notice for: register households first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="161"/>
        <source>取消打印</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/notice_dialog.py" line="161"/>
        <source>不打印公示名单，放弃已填写的内容吗？</source>
        <translation>Discard what you typed and not print the public notice?</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../advisor_app/gui/operations.py" line="262"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/operations.py" line="305"/>
        <source>正在取消，数据将保持原样…</source>
        <translation>Cancelling; the data stays as it was…</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="262"/>
        <source>公示名单…</source>
        <translation>Public notice list…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="273"/>
        <source>已归档的家庭不能打印表格，请先恢复</source>
        <translation>An archived household&apos;s forms cannot be printed: restore it first</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="325"/>
        <source>公示名单</source>
        <translation>Public notice list</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="107"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="110"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="113"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../advisor_app/gui/print_preview.py" line="115"/>
        <source>共 %n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="170"/>
        <source>无法开始打印</source>
        <translation>Cannot start printing</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="197"/>
        <source>打印 %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="203"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="207"/>
        <location filename="../../advisor_app/gui/print_preview.py" line="216"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="208"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/print_preview.py" line="216"/>
        <source>无法写入文件：</source>
        <translation>Cannot write the file: </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="54"/>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="180"/>
        <source>档案设置</source>
        <translation>Profile settings</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="61"/>
        <source>如 0551-12345678，打印公示名单时自动填入</source>
        <translation>e.g. 0551-12345678; filled in when a public notice is printed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="62"/>
        <source>新登记的家庭默认使用这里的地区和第一个村（社区）；新的走访记录默认由您（救助顾问）调查。</source>
        <translation>New households start in this region and the first village (community); new visits start with you (the advisor) as investigator.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="66"/>
        <source>这是演示档案：可以更改救助顾问姓名和监督电话，地区和村（社区）只能在您自己的档案中设置。</source>
        <translation>This is the demo profile: you can change the advisor&apos;s name and the complaint phone; the region and villages are set in your own profile only.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="73"/>
        <source> 分钟无操作后</source>
        <translation> minutes without input</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="75"/>
        <source>离开电脑时，程序在这么长时间没有键盘和鼠标操作后遮住所有窗口，输入口令才能继续</source>
        <translation>When you leave the computer: after this long without keyboard or mouse input every window is covered, and the passphrase is needed to go on</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="78"/>
        <source>演示档案不自动锁定</source>
        <translation>The demo profile does not lock by itself</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="86"/>
        <source>监督电话</source>
        <translation>Complaint phone</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="87"/>
        <source>自动锁定</source>
        <translation>Auto-lock</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="89"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_dialog.py" line="181"/>
        <source>不保存档案设置，放弃已填写的内容吗？</source>
        <translation>Discard the profile settings you changed without saving?</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <location filename="../../advisor_app/gui/profile_fields.py" line="22"/>
        <source>例如：七星村、光明村（几个村用顿号隔开）</source>
        <translation>e.g. 七星村、光明村 (separate villages with 、 or commas)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_fields.py" line="24"/>
        <source>您的姓名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_fields.py" line="27"/>
        <source>所属地区（县、区）</source>
        <translation>Region (county or district)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_fields.py" line="28"/>
        <source>负责的村（社区）</source>
        <translation>Villages (communities) you serve</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_fields.py" line="29"/>
        <source>救助顾问姓名</source>
        <translation>Advisor&apos;s name</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_fields.py" line="45"/>
        <source>请选择所属地区（县、区）。</source>
        <translation>Please choose the region (county or district).</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_fields.py" line="48"/>
        <source>请填写您负责的村（社区）名称。</source>
        <translation>Please enter the villages (communities) you serve.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/profile_fields.py" line="51"/>
        <source>请填写您的姓名。</source>
        <translation>Please enter your name.</translation>
    </message>
</context>
<context>
    <name>ReceivingTable</name>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="23"/>
        <source>救助项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="23"/>
        <source>开始享受</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="23"/>
        <source>每月金额（元）</source>
        <translation>Yuan a month</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="23"/>
        <source>享受人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="24"/>
        <source>添加正在享受的救助</source>
        <translation>Add assistance received</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="25"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="26"/>
        <source>从哪一天起享受</source>
        <translation>Received since which day</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="27"/>
        <source>全户享受，或本户某一位成员单独享受（如特困、单人保）</source>
        <translation>The whole household, or one member on their own (extreme poverty support, single-person dibao)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="44"/>
        <source>全户</source>
        <translation>Whole household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/receiving_table.py" line="49"/>
        <source>不是本户成员（%1）</source>
        <translation>Not a member of this household (%1)</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="221"/>
        <source>用恢复密钥打开档案</source>
        <translation>Open the profile with the recovery key</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="224"/>
        <source>输入生成恢复密钥时打印或抄下的那串字母和数字（可以不输入横线），再设置一个新口令。</source>
        <translation>Type the letters and digits printed or written down when the recovery key was made (the dashes may be left out), then set a new passphrase.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="233"/>
        <source>打开档案</source>
        <translation>Open profile</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="234"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="129"/>
        <source>生成恢复密钥</source>
        <translation>Make a recovery key</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="133"/>
        <source>恢复密钥是一串字母和数字：忘记口令时，用它可以打开档案并设置新口令。它只显示这一次，请打印或抄下来，和电脑分开保管；拿到它的人不用口令就能打开档案。</source>
        <translation>A recovery key is a string of letters and digits: if the passphrase is forgotten, it opens the profile and a new passphrase can be set. It is shown only this once: print it or write it down and keep it away from the computer. Whoever has it can open the profile without the passphrase.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="136"/>
        <source>这个档案已经有恢复密钥：生成新的以后，原来那张就不能用了。</source>
        <translation>This profile already has a recovery key: once a new one is made, the old one no longer works.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="143"/>
        <source>现在的口令</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="159"/>
        <source>这是您的恢复密钥，只显示这一次，程序不保存它。请现在打印或抄下来（0 和 1 不会出现，O 和 I 是字母），放在安全的地方。</source>
        <translation>This is your recovery key. It is shown only this once and the program does not keep it. Print it or write it down now (0 and 1 never occur: O and I are letters) and keep it somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="162"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="172"/>
        <source>生成</source>
        <translation>Make</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="174"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="194"/>
        <source>我已记下，关闭</source>
        <translation>I have written it down, close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="200"/>
        <source>口令不对，没有生成恢复密钥</source>
        <translation>Wrong passphrase; no recovery key was made</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_dialogs.py" line="209"/>
        <source>救助顾问工作台 恢复密钥（妥善保管，不要和电脑放在一起）</source>
        <translation>Social Assistance Advisor recovery key (keep it safe, away from the computer)</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../../advisor_app/gui/region_picker.py" line="67"/>
        <source>输入地名、拼音首字母或代码</source>
        <translation>Type a place name, pinyin initials or a code</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/region_picker.py" line="68"/>
        <source>输入地名（合肥、蜀山、经开区）、拼音首字母（hf、ss）或代码（3401），用↑↓选择，回车确定</source>
        <translation>Type a place name (合肥, 蜀山, 经开区), pinyin initials (hf, ss) or a code (3401); choose with ↑↓, Enter to pick</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/region_picker.py" line="142"/>
        <source>%1（%2，旧代码，现为 %3）</source>
        <translation>%1 (%2, old code, now %3)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/region_picker.py" line="145"/>
        <source>%1（%2，请选到县、区）</source>
        <translation>%1 (%2: please pick a county or district)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/region_picker.py" line="147"/>
        <source>%1（不在地区代码表中）</source>
        <translation>%1 (not in the list of region codes)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="60"/>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="101"/>
        <source>恢复备份</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="64"/>
        <source>选一份备份，用它替换现在的档案（现在的档案会先另存为一份“恢复备份前”的备份）：</source>
        <translation>Choose a backup to replace the profile with (the current profile is first kept as a “before restore” backup):</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="66"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="66"/>
        <source>原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="66"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="80"/>
        <source>还没有备份。</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="82"/>
        <source>恢复所选备份…</source>
        <translation>Restore the chosen backup…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="102"/>
        <source>用 %1 的备份（%2）替换现在的档案？

这之后做的改动不在那份备份里；现在的档案会先另存为一份备份，需要时可以再恢复回来。</source>
        <translation>Replace the profile with the backup of %1 (%2)?

Changes made after it are not in that backup; the current profile is kept as a backup first, so it can be restored again if needed.</translation>
    </message>
</context>
<context>
    <name>RosterDifferencesDialog</name>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="47"/>
        <source>名册差异</source>
        <translation>Roster differences</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="50"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="50"/>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="50"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="50"/>
        <source>现有值</source>
        <translation>Recorded value</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="51"/>
        <source>名册值</source>
        <translation>Roster value</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="51"/>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="53"/>
        <source>接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="54"/>
        <source>这一项改用名册的值（保存并记入审计记录）</source>
        <translation>Use the roster&apos;s value for this item (saved and recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="55"/>
        <source>保留现有</source>
        <translation>Keep current</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="56"/>
        <source>这一项保留现在登记的值；同一名册再次导入时不再列出</source>
        <translation>Keep the recorded value for this item; importing the same roster again will not list it</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="65"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="85"/>
        <source>（家庭）</source>
        <translation>(household)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="95"/>
        <source>导入名册时有 %1 处与现在登记的不同。现有的值没有被改动：请逐条选择接受名册的值，或保留现有的值。</source>
        <translation>The imported roster differs from what is recorded in %1 places. Nothing recorded was changed: for each, accept the roster&apos;s value or keep the current one.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/roster_differences_dialog.py" line="98"/>
        <source>没有待处理的名册差异。</source>
        <translation>No roster differences to review.</translation>
    </message>
</context>
<context>
    <name>SecurityActions</name>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="39"/>
        <source>立即锁定</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="41"/>
        <source>遮住所有窗口，输入口令才能继续（离开电脑时用）</source>
        <translation>Cover every window until the passphrase is typed (when you leave the computer)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="43"/>
        <source>更改口令…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="44"/>
        <source>换一个新口令：档案和全部备份用新口令重新加密</source>
        <translation>Choose a new passphrase: the profile and every backup are re-encrypted with it</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="46"/>
        <source>生成恢复密钥…</source>
        <translation>Make a recovery key…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="47"/>
        <source>生成一张忘记口令时用的恢复密钥，只显示一次</source>
        <translation>Make a recovery key for a forgotten passphrase; it is shown only once</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="76"/>
        <source>更改口令</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="77"/>
        <source>口令已更改：档案和 %1 份备份已用新口令重新加密。</source>
        <translation>Passphrase changed: the profile and %1 backups were re-encrypted with the new passphrase.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="78"/>
        <source>恢复密钥仍然有效。</source>
        <translation> The recovery key still works.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="94"/>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/security_actions.py" line="95"/>
        <source>忘记口令就无法打开档案。要生成一张恢复密钥吗？它只显示一次，请打印或抄下来，和电脑分开保管。</source>
        <translation>A forgotten passphrase cannot open the profile. Make a recovery key? It is shown only once: print it or write it down and keep it away from the computer.</translation>
    </message>
</context>
<context>
    <name>SheetImport</name>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="53"/>
        <source>户籍名册</source>
        <translation>Household roster</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="53"/>
        <source>残联残疾人名册</source>
        <translation>Disability federation register</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="54"/>
        <source>医保个人自付费用</source>
        <translation>Medical self-paid costs</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="55"/>
        <source>防返贫监测对象名单</source>
        <translation>Poverty-return monitoring list</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="56"/>
        <source>养老金领取名单</source>
        <translation>Pension list</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="57"/>
        <source>就业登记名单</source>
        <translation>Employment register</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="68"/>
        <source>导入 Excel 名单</source>
        <translation>Import an Excel list</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="70"/>
        <source>选择要导入的表格文件</source>
        <translation>Choose the spreadsheet to import</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="71"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="79"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="79"/>
        <source>对应字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="85"/>
        <source>试导入</source>
        <translation>Try import</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="86"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="87"/>
        <source>打开错误报告</source>
        <translation>Open the error report</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="88"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="98"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="99"/>
        <source>名单种类</source>
        <translation>Kind of list</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="100"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="121"/>
        <source>选择表格文件</source>
        <translation>Choose a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="122"/>
        <source>表格文件 (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="142"/>
        <source>正在读取表格……</source>
        <translation>Reading the spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="153"/>
        <source>表头在第 %1 行；请核对每一列对应的字段：</source>
        <translation>The header is on row %1; check the field of each column:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="159"/>
        <source>不导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="198"/>
        <source>还缺少这些字段对应的列：%1</source>
        <translation>No column yet for: %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="208"/>
        <source>不能导入：%1</source>
        <translation>Cannot import: %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="222"/>
        <source>正在试导入</source>
        <translation>Trying the import</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="222"/>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="228"/>
        <source>已取消，没有导入任何数据。</source>
        <translation>Cancelled: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="234"/>
        <source>试导入（没有写入）</source>
        <translation>Tried (nothing written)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="234"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="235"/>
        <source>%1：共 %2 行，对上已登记成员 %3 行，新增 %4，与登记不同 %5，未登记（线索）%6 行，有错误 %7 行</source>
        <translation>%1: %2 rows, %3 matched to recorded members, %4 new, %5 differing from the record, %6 not recorded (leads), %7 with errors</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="240"/>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="244"/>
        <source>……还有 %1 处</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="245"/>
        <source>提示：第 %1 行：%2</source>
        <translation>Note: row %1: %2</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="249"/>
        <source>……还有 %1 条提示</source>
        <translation>… and %1 more notes</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sheet_import.py" line="264"/>
        <source>导入 Excel 名单…</source>
        <translation>Import an Excel list…</translation>
    </message>
</context>
<context>
    <name>SupportersEditor</name>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="39"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="40"/>
        <source>有无赡养能力</source>
        <translation>Able to support</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="39"/>
        <source>亲属关系</source>
        <translation>Kinship</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="39"/>
        <source>是谁的亲属</source>
        <translation>Kin of</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="41"/>
        <source>无能力的原因</source>
        <translation>Why not able</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="40"/>
        <source>救助身份</source>
        <translation>Receives</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="39"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="40"/>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="40"/>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="41"/>
        <source>月收入</source>
        <translation>Income/month</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="41"/>
        <source>财产</source>
        <translation>Assets</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="42"/>
        <source>添加赡养人</source>
        <translation>Add supporter</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="43"/>
        <source>删除赡养人</source>
        <translation>Remove supporter</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="44"/>
        <source>赡养人的身份证号：由此算出年龄（年满60、70周岁时规则不同）</source>
        <translation>The supporter&apos;s ID number: it gives the age (the rules differ from 60 and from 70)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="45"/>
        <source>赡养人是所选家庭成员的什么亲属，如儿子、女儿、哥哥</source>
        <translation>What the supporter is to the chosen member: son, daughter, elder brother …</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="46"/>
        <source>赡养人是本户哪一位成员的亲属</source>
        <translation>Which member of the household the supporter is kin to</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="48"/>
        <source>赡养人本人是否为特困供养人员或低保对象</source>
        <translation>Whether the supporter receives extreme poverty support or dibao</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="49"/>
        <source>赡养人已故、无民事行为能力、被宣告失踪或正在服刑</source>
        <translation>The supporter is deceased, has no legal capacity, is declared missing or is serving a sentence</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="50"/>
        <source>赡养人本人的残疾类别和等级</source>
        <translation>The supporter&apos;s own disability kind and grade</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="51"/>
        <source>赡养人本人的月收入（元），不清楚时留空</source>
        <translation>The supporter&apos;s own income, yuan a month; leave empty when not known</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="52"/>
        <source>赡养人本人的财产是否符合当地低保家庭财产规定</source>
        <translation>Whether the supporter&apos;s own assets are within the local dibao asset rule</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="55"/>
        <source>不在本户居住的法定赡养、抚养、扶养义务人。请选择他是哪位成员的什么亲属；无赡养能力时请写明原因（如本人为低保对象且年满60岁、重度残疾等）。</source>
        <translation>Legal supporters who do not live in the household. Choose whose kin each one is and how; when one is not able to support, say why (e.g. a dibao recipient aged 60 or more, severely disabled).</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="75"/>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="97"/>
        <source>（未选择）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="80"/>
        <source>不是本户成员（%1）</source>
        <translation>Not a member of this household (%1)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="93"/>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="123"/>
        <source>不清楚</source>
        <translation>Not known</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="103"/>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="135"/>
        <source>原记录的关系：%1</source>
        <translation>Relation as recorded: %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="109"/>
        <source>无残疾</source>
        <translation>No disability</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="123"/>
        <source>符合</source>
        <translation>Within the rule</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="123"/>
        <source>不符合</source>
        <translation>Above the rule</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="128"/>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="47"/>
        <source>有无履行赡养、抚养或扶养义务的能力</source>
        <translation>Whether they are able to support the applicant</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="93"/>
        <source>有能力</source>
        <translation>Able</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/supporters_editor.py" line="93"/>
        <source>无能力</source>
        <translation>Not able</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="35"/>
        <location filename="../../advisor_app/gui/sync_actions.py" line="76"/>
        <source>导出给乡镇…</source>
        <translation>Export to the town office…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="37"/>
        <source>把还没有送到乡镇的记录写成数据包文件，存到 U 盘或文件夹</source>
        <translation>Write the records not yet sent to the town office into a bundle file on a USB drive or in a folder</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="39"/>
        <source>导入数据包…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="41"/>
        <source>导入对方发来的数据包文件（.advbundle），看导入了什么</source>
        <translation>Import bundle files (.advbundle) from the other side and see what they brought</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="47"/>
        <source>数据冲突…</source>
        <translation>Conflicts…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="48"/>
        <source>同一项在本机和对方都改过：逐条选择保留哪一边的值</source>
        <translation>Fields changed here and on the other side: choose which value to keep</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="54"/>
        <source>救助顾问…</source>
        <translation>Advisors…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="55"/>
        <source>各位救助顾问什么时候发来了哪个数据包，谁很久没有发来</source>
        <translation>Which bundle each advisor sent and when, and who has not sent one for a long time</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="76"/>
        <source>导出给救助顾问…</source>
        <translation>Export to advisors…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="81"/>
        <source>数据冲突 %1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/sync_actions.py" line="82"/>
        <source>有 %1 处数据冲突等待处理</source>
        <translation>%1 conflict(s) waiting to be resolved</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="115"/>
        <source>这个档案已加密，请输入口令。</source>
        <translation>This profile is encrypted: type its passphrase.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="118"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="120"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="121"/>
        <source>忘记口令？用恢复密钥</source>
        <translation>Forgot the passphrase? Use the recovery key</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="130"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/passphrase_dialogs.py" line="150"/>
        <source>（%1 秒后可以再试）</source>
        <translation> (try again in %1 s)</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="79"/>
        <source>记录走访 — %1</source>
        <translation>Record visit — %1</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="101"/>
        <source>姓名之间用顿号或逗号隔开，如：王芳、李强</source>
        <translation>Names separated by commas, e.g. 王芳、李强</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="103"/>
        <source>入户所见、家庭陈述的情况</source>
        <translation>What was seen at home and what the family said</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="106"/>
        <source>约定下次走访</source>
        <translation>Next visit agreed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="111"/>
        <source>下一步要做的事，如：转介慈善资源、协助申请低保</source>
        <translation>What to do next, e.g. refer to a charity, help apply for dibao</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="122"/>
        <source>走访类型</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="124"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="125"/>
        <source>调查（走访）人员</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="127"/>
        <source>情况记录</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="133"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="134"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="135"/>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="247"/>
        <source>放弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="137"/>
        <source>不保存这次走访，并删除自动保存的草稿</source>
        <translation>Do not save this visit and delete its autosaved draft</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="146"/>
        <source>发现的需求（资金、实物、服务）</source>
        <translation>Needs found (cash, goods, services)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="151"/>
        <source>后续跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="220"/>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="240"/>
        <source>无法保存走访记录</source>
        <translation>Cannot save the visit</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="247"/>
        <source>不保存这次走访记录，并删除它的草稿吗？</source>
        <translation>Discard this visit and delete its draft?</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="265"/>
        <source>走访记录还没有保存</source>
        <translation>Visit not saved</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="265"/>
        <source>这次走访记录还没有保存。保存，还是放弃已填写的内容？</source>
        <translation>This visit has not been saved. Save it, or discard what was typed?</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="291"/>
        <source>有未保存的内容</source>
        <translation>Unsaved content</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="308"/>
        <source>草稿已自动保存（%1）</source>
        <translation>Draft autosaved (%1)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_dialog.py" line="341"/>
        <source>已恢复上次未保存的走访记录草稿。保存后草稿自动删除。</source>
        <translation>The unsaved visit draft was restored. Saving deletes the draft.</translation>
    </message>
</context>
<context>
    <name>VisitHistoryDialog</name>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="65"/>
        <source>走访记录</source>
        <translation>Visit history</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="75"/>
        <location filename="../../advisor_app/gui/visit_history.py" line="93"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="75"/>
        <location filename="../../advisor_app/gui/visit_history.py" line="94"/>
        <source>走访类型</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="75"/>
        <source>走访人员</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="76"/>
        <source>需求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="77"/>
        <source>这户家庭还没有走访记录。可以先打印空白走访记录表，走访时填写。</source>
        <translation>This household has no visits yet. You can print a blank visit record form to fill in on the visit.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="80"/>
        <source>所选走访（只读）</source>
        <translation>Selected visit (read-only)</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="88"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="88"/>
        <source>需求描述</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="88"/>
        <source>当前状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="95"/>
        <source>调查（走访）人员</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="96"/>
        <source>情况记录</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="97"/>
        <source>发现的需求</source>
        <translation>Needs found</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="98"/>
        <source>后续跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="99"/>
        <source>约定下次走访</source>
        <translation>Next visit agreed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="100"/>
        <source>打印此次走访记录表(&amp;P)…</source>
        <translation>&amp;Print this visit&apos;s record form…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="101"/>
        <source>打印空白走访记录表(&amp;B)…</source>
        <translation>Print a &amp;blank visit record form…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="102"/>
        <source>下次走访时手写：已填好户主、住址和家庭成员</source>
        <translation>To fill in by hand on the next visit: head, address and members already printed</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="115"/>
        <source>走访记录(&amp;V)</source>
        <translation>&amp;Visits</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="116"/>
        <source>需求清单(&amp;N)</source>
        <translation>&amp;Needs list</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="118"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="143"/>
        <source>走访记录 — %1</source>
        <translation>Visit history — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../advisor_app/gui/visit_history.py" line="144"/>
        <source>户主：%1&#x3000;%2&#x3000;共 %n 次走访</source>
        <translation>
            <numerusform>Head: %1&#x3000;%2&#x3000;%n visit</numerusform>
            <numerusform>Head: %1&#x3000;%2&#x3000;%n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="161"/>
        <source>无法打开走访记录</source>
        <translation>Cannot open the visit history</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="208"/>
        <source>走访记录表</source>
        <translation>Visit record form</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/visit_history.py" line="217"/>
        <source>走访记录表（空白）</source>
        <translation>Visit record form (blank)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../advisor_app/gui/app.py" line="263"/>
        <source>打开档案</source>
        <translation>Open the profile</translation>
    </message>
</context>
<context>
    <name>editor_questions</name>
    <message>
        <location filename="../../advisor_app/gui/editor_questions.py" line="20"/>
        <location filename="../../advisor_app/gui/editor_questions.py" line="29"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/editor_questions.py" line="21"/>
        <source>当前家庭有未保存的修改，放弃这些修改吗？</source>
        <translation>The current household has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/editor_questions.py" line="30"/>
        <source>这户家庭有未保存的修改。要保存吗？</source>
        <translation>This household has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/editor_questions.py" line="36"/>
        <source>请先改正以下内容，家庭信息没有保存：</source>
        <translation>Please correct the following first; the household was not saved:</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/editor_questions.py" line="37"/>
        <location filename="../../advisor_app/gui/editor_questions.py" line="45"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/editor_questions.py" line="47"/>
        <source>打开该户</source>
        <translation>Open that household</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/editor_questions.py" line="49"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../advisor_app/gui/errors.py" line="41"/>
        <source>无法完成</source>
        <translation>Could not finish</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="135"/>
        <source>恢复备份</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="135"/>
        <source>已从 %1 的备份恢复档案。</source>
        <translation>The profile was restored from the backup of %1.</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="147"/>
        <source>档案文件已损坏</source>
        <translation>The profile file is damaged</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="148"/>
        <source>恢复备份…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <location filename="../../advisor_app/gui/restore_dialog.py" line="149"/>
        <source>只查看</source>
        <translation>Only look</translation>
    </message>
</context>
</TS>
