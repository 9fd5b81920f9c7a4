<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Action</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+198"/>
        <source>Handover…</source>
        <translation>移交登记…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieve…</source>
        <translation>调取登记…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return…</source>
        <translation>归还验收…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request unsealing…</source>
        <translation>申请启封…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unseal…</source>
        <translation>启封…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reseal…</source>
        <translation>重新封存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reproduce the duplicate…</source>
        <translation>复制副本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer to court…</source>
        <translation>移送法院/检察院…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive handover…</source>
        <translation>移交档案部门…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move…</source>
        <translation>变更存放位置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write transfer package…</source>
        <translation>写移交包…</translation>
    </message>
</context>
<context>
    <name>ApprovalDecisionDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/approval_decision.py" line="+23"/>
        <source>Approve opening the original</source>
        <translation>批准启封正本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse opening the original</source>
        <translation>不批准启封正本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Request #%1: %2, case %3&lt;br&gt;Reason: %4&lt;br&gt;Requested by %5 at %6</source>
        <translation>申请第%1号：%2，案件 %3&lt;br&gt;事由：%4&lt;br&gt;申请人：%5，申请时间：%6</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The duplicate %1 is recorded %2.</source>
        <translation>副本 %1 已登记为%2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Doubted by %1: %2</source>
        <translation>%1 提出异议：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approve and sign</source>
        <translation>批准并签名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refuse and sign</source>
        <translation>不予批准并签名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Request #%1 approved.</source>
        <translation>第%1号申请已批准。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Request #%1 refused.</source>
        <translation>第%1号申请未获批准。</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/archive.py" line="+25"/>
        <source>Archive handover</source>
        <translation>移交档案部门</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1: scan every disc still held for the case. The list shows what is expected and what is still missing.</source>
        <translation>案件 %1：请逐张扫描本案仍在保管中的光盘。下表列出应移交的光盘及尚未扫描的光盘。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>scan, or type a code and press Enter</source>
        <translation>扫描条码，或输入编号后按回车</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>正副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keeper</source>
        <translation>保管员（移交人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiver (archives department)</source>
        <translation>接收人（档案部门）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hand over and sign</source>
        <translation>移交并签名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>missing</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not held</source>
        <translation>不在库</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Expected %1 · scanned %2 · still missing %3</source>
        <translation>应移交 %1 · 已扫描 %2 · 尚缺 %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 was already scanned.</source>
        <translation>%1 已扫描过。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a disc of case %2.</source>
        <translation>%1 不是案件 %2 的光盘。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is %3: it is not held for the handover.</source>
        <translation>%1 当前状态为“%3”，不在本次移交范围内。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 scanned; %2 still missing.</source>
        <translation>已扫描 %1；尚缺 %2 张。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Archive handover #%1: case %2 and %3 media to the archives.</source>
        <translation>档案移交第%1号：案件 %2 共 %3 件介质已移交档案部门。</translation>
    </message>
</context>
<context>
    <name>BackupSchedule</name>
    <message>
        <location filename="../../keeper_app/ui/backup_schedule.py" line="+67"/>
        <source>Scheduled backups are off on this computer.</source>
        <translation>本机的定时备份已关闭。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No verified backup yet.</source>
        <translation>还没有通过校验的备份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup taken and verified %1 (%2).</source>
        <translation>已备份并校验通过：%1（%2）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last verified backup: %1.</source>
        <translation>最近一次校验通过的备份：%1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
</context>
<context>
    <name>BurnPairDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/burn_pair.py" line="+115"/>
        <location line="+1"/>
        <source>Burn a pair of discs</source>
        <translation>刻录一对光盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original in</source>
        <translation>正本刻录于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate in</source>
        <translation>副本刻录于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recordings (tick those of one person: one person per disc, Art. 17)</source>
        <translation>录音录像（勾选同一人的录像：一人一盘，第十七条）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check discs and space</source>
        <translation>检查光盘和容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burn and verify</source>
        <translation>刻录并校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print labels…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel burn</source>
        <translation>取消刻录</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No optical drive is attached.</source>
        <translation>未连接光驱。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optical drives cannot be listed (%1); image files can be burned.</source>
        <translation>无法列出光驱（%1）；仍可刻录为镜像文件。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>You handle no open case.</source>
        <translation>您没有承办中的案件。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Tick the recordings to burn.</source>
        <translation>请勾选要刻录的录音录像。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chosen: %1 recording(s) of %2, %3 in all</source>
        <translation>已选：%2 的录音录像 %1 段，共 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose where each disc is burned.</source>
        <translation>请选择每张光盘的刻录位置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The original and the duplicate need two drives, or the same drive twice.</source>
        <translation>正本和副本需要两个光驱，或在同一光驱中先后刻录。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1 free in %2</source>
        <translation>%2 可用 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Needed per disc: %1. </source>
        <translation>每张光盘需要 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The original is burned and verified. Take it out of %1, label it, and insert a blank disc for the duplicate.</source>
        <translation>正本已刻录并校验。请从 %1 取出正本并做好标记，再放入一张空白光盘刻录副本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disc inserted cannot be used: %1</source>
        <translation>放入的光盘不能使用：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a blank disc for the duplicate.</source>
        <translation>请放入一张空白光盘刻录副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next disc</source>
        <translation>下一张光盘</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disc inserted</source>
        <translation>已放入光盘</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Burning the original…</source>
        <translation>正在刻录正本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the original back, checking every file…</source>
        <translation>正在回读正本，逐个校验文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burning the duplicate…</source>
        <translation>正在刻录副本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the duplicate back, checking every file…</source>
        <translation>正在回读副本，逐个校验文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registering the pair…</source>
        <translation>正在登记这对光盘…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The discs are blank and big enough.</source>
        <translation>光盘为空白且容量足够。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready to burn.</source>
        <translation>可以刻录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pair is burned, read back and verified.</source>
        <translation>这对光盘已刻录、回读并校验通过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Original: %1</source>
        <translation>正本：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate: %1</source>
        <translation>副本：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label both discs and hand them to a keeper within 24 hours (Art. 16); the keeper scans a code at the counter to register the handover.</source>
        <translation>请为两张光盘贴好标签，并在24小时内移交保管员（第十六条）；保管员在柜台扫描编号登记移交。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pair %1 registered as burned.</source>
        <translation>光盘对 %1 已登记为已刻录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pair %1 / %2 burned and verified.</source>
        <translation>光盘对 %1 / %2 已刻录并校验。</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-173"/>
        <source>open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>concluded</source>
        <translation>侦查终结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../keeper_app/ui/views/cases_view.py" line="+76"/>
        <source>Show its media</source>
        <extracomment>(action, case row): the main window opens the dialog</extracomment>
        <translation>查看该案介质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court/procuratorate request…</source>
        <translation>登记法院/检察院调取…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close a requested item…</source>
        <translation>注明未移送项目…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conclude investigation…</source>
        <translation>侦查终结…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit for review…</source>
        <translation>报送审核…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive handover…</source>
        <translation>移交档案部门…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major case</source>
        <translation>重大案件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>办案部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>介质数</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose a case first.</source>
        <translation>请先选择一个案件。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/password.py" line="+20"/>
        <location line="+21"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: a new signing key is made with your new password. Your earlier signatures stay valid; print the new key form afterwards and sign it with the administrator.</source>
        <translation>%1：设置新密码时将生成新的签名密钥。此前的签名仍然有效；修改后请打印新的密钥登记表，并与系统管理员一同签字。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Password changed; a new signing key is made.</source>
        <translation>密码已修改，已生成新的签名密钥。</translation>
    </message>
</context>
<context>
    <name>CheckpointDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/checkpoint.py" line="+23"/>
        <source>Daily checkpoint</source>
        <translation>每日检查点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keeper on duty</source>
        <translation>值班保管员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head (countersigns)</source>
        <translation>部门负责人（会签）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The head of the audit chain now: event &lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;&lt;br&gt;By signing, the keeper on duty and a department head certify this head; the slip is filed with the paper register.</source>
        <translation>审计链当前链头：第 &lt;b&gt;%1&lt;/b&gt; 号事件（%2）&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;&lt;br&gt;值班保管员和部门负责人签名即确认此链头；检查点单与纸质登记簿一并归档。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last checkpoint: event %1, %2</source>
        <translation>上次检查点：第 %1 号事件，%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign the checkpoint</source>
        <translation>签署检查点</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Daily checkpoint #%1 taken: event %2.</source>
        <translation>每日检查点 #%1 已取得：第 %2 号事件。</translation>
    </message>
</context>
<context>
    <name>CheckpointTaken</name>
    <message>
        <location line="+22"/>
        <source>Daily checkpoint</source>
        <translation>每日检查点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The daily checkpoint is taken. Print the slip (to be signed by hand and filed with the paper register) and export the file for the supervising unit.</source>
        <translation>每日检查点已取得。请打印检查点单（手写签名后与纸质登记簿一并归档），并导出文件报送监督单位。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print the slip…</source>
        <translation>打印检查点单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the file…</source>
        <translation>导出文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Checkpoint file exported: %1</source>
        <translation>检查点文件已导出：%1</translation>
    </message>
</context>
<context>
    <name>ConcludeCaseDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/conclude_case.py" line="+20"/>
        <source>Conclude the investigation</source>
        <translation>侦查终结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case %1 %2</source>
        <translation>案件 %1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>These discs await their handover; hand them over first: %1</source>
        <translation>以下光盘尚待移交保管，请先移交：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conclude</source>
        <translation>确认侦查终结</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Case %1 is concluded.</source>
        <translation>案件 %1 已侦查终结。</translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+248"/>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>CopyRole</name>
    <message>
        <location line="-257"/>
        <source>original</source>
        <translation>正本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate</source>
        <translation>副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hard-drive volume</source>
        <translation>硬盘存储卷</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <location filename="../../keeper_app/ui/counter.py" line="+55"/>
        <source>Shortcut: %1</source>
        <extracomment>every code handled, in order: (text, accepted, status, shelf location)</extracomment>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Disc code</source>
        <translation>光盘编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan anywhere in this window, or type the code from a damaged label and press Enter</source>
        <translation>在本窗口任意位置扫描条码；标签破损时可在此输入编号后按回车</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent scans</source>
        <translation>最近扫描</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Scanned the same disc twice in a row: %1</source>
        <translation>同一张光盘连续扫描了两次：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+37"/>
        <source>✔ Scanned %1</source>
        <translation>✔ 已识别 %1</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+34"/>
        <source>twice in a row</source>
        <translation>连续两次扫描</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Scanned the same item twice in a row: %1</source>
        <translation>连续两次扫描了同一物品：%1</translation>
    </message>
</context>
<context>
    <name>CourtItemReasonDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/court_item_reason.py" line="+19"/>
        <source>Close a requested item</source>
        <translation>注明未移送项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Request #%1 (%2): %3</source>
        <translation>第%1号调取（%2）：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No open request of this case has an open item.</source>
        <translation>本案没有尚待移送项目的调取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>调取项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason it is not transferred</source>
        <translation>未移送原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the item</source>
        <translation>注明原因并办结该项</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The item is closed with its reason.</source>
        <translation>该项目已注明原因办结。</translation>
    </message>
</context>
<context>
    <name>CourtLateAckDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/court_late_ack.py" line="+18"/>
        <source>Acknowledge a late court/procuratorate request</source>
        <translation>签收逾期的法院/检察院调取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request #%1 of %2 (document %3), case %4&lt;br&gt;Requested %5; found late %6</source>
        <translation>%2 第%1号调取（文书 %3），案件 %4&lt;br&gt;调取时间 %5；发现逾期 %6</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>what will be done</source>
        <translation>拟采取的措施</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Acknowledge and sign</source>
        <translation>签收并签名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Late request #%1 acknowledged.</source>
        <translation>逾期调取第%1号已签收。</translation>
    </message>
</context>
<context>
    <name>CourtRequestDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/court_request.py" line="+22"/>
        <source>Court or procuratorate request</source>
        <translation>法院/检察院调取登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Requested by</source>
        <translation>调取机关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the court or procuratorate</source>
        <translation>法院/检察院名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document number</source>
        <translation>调取文书编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time of the request</source>
        <translation>调取时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All the case&apos;s interrogation recordings</source>
        <translation>本案全部讯问录音录像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked for</source>
        <translation>调取内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#%1 %2 (%3), %4, %5</source>
        <translation>第%1号 %2（%3），%4，%5</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recordings</source>
        <translation>录音录像</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Discs</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Request #%1 registered; the duplicate is due within 3 days.</source>
        <translation>第%1号调取已登记；须在三日内移送副本光盘。</translation>
    </message>
</context>
<context>
    <name>CourtTransferDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/court_transfer.py" line="+23"/>
        <source>Transfer to a court or procuratorate</source>
        <translation>向法院/检察院移送副本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>#%1 %2 %3, document %4, requested %5</source>
        <translation>第%1号 %2 %3，文书 %4，调取时间 %5</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No open request for this case: register the court&apos;s or procuratorate&apos;s request first.</source>
        <translation>本案没有待办理的调取，请先登记法院或检察院的调取。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request</source>
        <translation>调取登记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Still asked for</source>
        <translation>尚待移送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recipient (court/procuratorate)</source>
        <translation>接收人（法院/检察院）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write transfer package to</source>
        <translation>移交包写入文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no folder: no package now</source>
        <translation>不选文件夹：暂不写移交包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder for the transfer package (e.g. a USB disk)</source>
        <translation>移交包的文件夹（如U盘）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recordings for the package from</source>
        <translation>移交包录像取自</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper&apos;s storage</source>
        <translation>Keeper 存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of the mounted duplicate</source>
        <translation>已挂载复制件光盘的文件夹</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>LATE: past the 3 days</source>
        <translation>逾期：已超过3日</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Transfer #%1: %2 handed over.</source>
        <translation>移送第%1号：%2 已移交。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The transfer package was NOT written: %1. Write it from the disc&apos;s record (Write transfer package…).</source>
        <translation>移交包未写入：%1。请在该光盘的记录中写入（写移交包…）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transfer package written to %1 (top-level hash %2).</source>
        <translation>移交包已写入 %1（顶层哈希 %2）。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../keeper_app/ui/crash.py" line="+51"/>
        <source>Keeper: the database</source>
        <translation>Keeper：数据库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keeper: unexpected error</source>
        <translation>讯问录音录像保管：意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something unexpected went wrong. Whatever was being registered was either saved completely or not at all. Details are in the log:
%1</source>
        <translation>程序发生意外错误。正在登记的内容要么已完整保存，要么完全未保存，不会只保存一半。详细信息见日志：
%1</translation>
    </message>
</context>
<context>
    <name>DeviceHub</name>
    <message>
        <location filename="../../keeper_app/ui/devices_hub.py" line="+67"/>
        <source>Drives watched</source>
        <translation>正在监视光驱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drives not watched</source>
        <translation>未监视光驱</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A blank %1 is in %2: ready to burn.</source>
        <translation>%2 中有一张空白 %1：可以刻录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A disc (%1) was inserted in %2.</source>
        <translation>%2 中放入了光盘（%1）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The disc was taken out of %1.</source>
        <translation>光盘已从 %1 取出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>USB disk %1 (%2) connected: “Ingest recordings…” copies recordings from it.</source>
        <translation>已连接USB磁盘 %1（%2）：可用“导入录音录像…”从中复制录像。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>USB disk %1 removed.</source>
        <translation>USB磁盘 %1 已移除。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Disc inserted</source>
        <translation>已放入光盘</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A disc (%1) was inserted in %2. Identify it: read its label and manifest and match them to the register?</source>
        <translation>%2 中放入了光盘（%1）。是否识别：读取其标签和文件清单并与登记核对？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>DiscTools</name>
    <message>
        <location filename="../../keeper_app/ui/disc_tools.py" line="+71"/>
        <source>Burn a pair…</source>
        <translation>刻录光盘对…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ingest recordings…</source>
        <translation>导入录音录像…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage devices…</source>
        <translation>存储设备…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot check…</source>
        <translation>抽查…</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The job goes on in the background; its button shows it again.</source>
        <translation>任务在后台继续进行；点击相应按钮可再次显示。</translation>
    </message>
</context>
<context>
    <name>DrivePicker</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/drive_picker.py" line="+31"/>
        <source>no disc</source>
        <translation>无光盘</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blank %1</source>
        <translation>空白 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>burned disc %1</source>
        <translation>已刻录光盘 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disc %1 (not blank)</source>
        <translation>光盘 %1（非空白）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Same drive as the original (insert the next disc)</source>
        <translation>与正本同一光驱（放入下一张光盘）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image file (a file-backed drive)</source>
        <translation>镜像文件（以文件代替光驱）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Image file for the disc</source>
        <translation>光盘的镜像文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disc images (*.iso)</source>
        <translation>光盘镜像 (*.iso)</translation>
    </message>
</context>
<context>
    <name>DueKind</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+54"/>
        <source>hand over to the keeper</source>
        <translation>移交保管员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return</source>
        <translation>归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer to court/procuratorate</source>
        <translation>移送法院/检察院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reseal the original</source>
        <translation>重新封存正本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no usable duplicate: reproduce it</source>
        <translation>无可用副本：需以正本复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>major case: recordings to accompany the review submission</source>
        <translation>重大案件：录音录像资料应随案报送审核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>resolve an inventory discrepancy</source>
        <translation>处理盘点差异</translation>
    </message>
</context>
<context>
    <name>DueView</name>
    <message>
        <location filename="../../keeper_app/ui/views/due_view.py" line="+109"/>
        <source>LATE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily checkpoint…</source>
        <translation>每日检查点…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who holds it</source>
        <translation>现由谁持有</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>custody room</source>
        <translation>保管室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register no.</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No daily checkpoint of the audit chain has been taken today: the keeper on duty and a department head sign it, and the slip is filed with the paper register.</source>
        <translation>今天尚未取得审计链每日检查点：须由值班保管员和部门负责人签名，检查点单与纸质登记簿一并归档。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last checkpoint: event %1, %2</source>
        <translation>上次检查点：第 %1 号事件，%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No checkpoint has been taken yet.</source>
        <translation>尚未取得过检查点。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 newly late: marked on the register and reported to the head of each case&apos;s department.</source>
        <translation>新增逾期 %1 项：已在登记中标记，并报告各案件办案部门负责人。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 late · %2 due</source>
        <translation>逾期 %1 项 · 待办 %2 项</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>seized items, request #%1</source>
        <translation>查封扣押物品，申请 #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seizure #%1</source>
        <translation>查封扣押 #%1</translation>
    </message>
</context>
<context>
    <name>EnrolmentCodeBox</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/person.py" line="+91"/>
        <source>Enrolment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enrolment code of %1:</source>
        <translation>%1 的登记码：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand it to the person. It is shown only now, is used once, and expires on %1. At their first sign-in they choose “First sign-in with an enrolment code”, give it, and choose their own password.</source>
        <translation>请将其交给本人。登记码仅此一次显示，只能使用一次，于 %1 失效。本人首次登录时选择“使用登记码首次登录”，输入登记码并自行设置密码。</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+29"/>
        <source>A description of what was found</source>
        <translation>检查发现情况说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court or procuratorate of the outside retriever</source>
        <translation>外单位调取人所在法院或检察院</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Department name</source>
        <translation>部门名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the court or procuratorate</source>
        <translation>法院或检察院名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of the request document</source>
        <translation>调取文书编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person interrogated</source>
        <translation>被讯问人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the late handover</source>
        <translation>逾期移交原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the refusal</source>
        <translation>不予批准的理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason of the interruption</source>
        <translation>中断原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason the item is not transferred</source>
        <translation>该项未移送的原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retriever&apos;s unit</source>
        <translation>调取人单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal number</source>
        <translation>封签编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf location of the duplicate</source>
        <translation>副本存放位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shelf location of the original</source>
        <translation>原件存放位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The corrected value</source>
        <translation>更正后的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The supplement</source>
        <translation>补充说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reason for the correction</source>
        <translation>更正理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who doubts the duplicate</source>
        <translation>异议提出人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the duplicate is in doubt</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cause of action</source>
        <translation>案由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons concerned</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record (transcript) it belongs to</source>
        <translation>所属笔录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place of the seizure</source>
        <translation>查封扣押地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time of the seizure</source>
        <translation>查封扣押时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time written on the seals</source>
        <translation>封条上注明的时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording</source>
        <translation>录像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the original could not be seized</source>
        <translation>原始存储介质无法扣押的原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the original medium is</source>
        <translation>原始存储介质所在位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What happened when the possessor did not sign</source>
        <translation>持有人未签名的情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanned tags</source>
        <translation>扫描的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case handlers</source>
        <translation>办案人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production unit</source>
        <translation>制作单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Producer</source>
        <translation>制作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production time</source>
        <translation>制作时间</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/first_run.py" line="+132"/>
        <source>Keeper — set up a new office</source>
        <extracomment>the first administrator&apos;s badge, once the office is made</extracomment>
        <translation>讯问录音录像资料保管系统 — 新单位初始设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up a new office</source>
        <translation>新单位初始设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no register here yet. Give the unit&apos;s code and name, the first administrator and the first department head, both present, each typing their own password; the administrator then adds the keepers, case handlers and other heads, each countersigned by a department head. The administrator holds no custody role.</source>
        <translation>这里还没有登记簿。请填写单位代码和名称、首位管理员和首位部门负责人（两人均须在场，各自输入自己的密码）；之后由管理员添加保管员、办案人员和其他部门负责人，每项均须由部门负责人会签。管理员不担任保管类角色。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unit code (4 digits)</source>
        <translation>单位代码（4位数字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator&apos;s badge</source>
        <translation>管理员警号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator&apos;s name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First department head&apos;s badge</source>
        <translation>首位部门负责人警号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head&apos;s name</source>
        <translation>部门负责人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department they head</source>
        <translation>所负责的部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head&apos;s password</source>
        <translation>部门负责人密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head&apos;s password again</source>
        <translation>再次输入部门负责人密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The register is kept in</source>
        <translation>登记簿保存位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups go to</source>
        <translation>备份保存到</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the office</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The department head&apos;s two passwords differ.</source>
        <translation>部门负责人两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup folder must be a full path, starting with /.</source>
        <translation>备份文件夹必须是以 / 开头的完整路径。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Creating the register…</source>
        <translation>正在创建登记簿…</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/handover.py" line="+20"/>
        <source>Handover of a new pair</source>
        <translation>新刻录光盘移交登记</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The other disc of the pair: %1</source>
        <translation>同组另一张光盘：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>number printed on the seal bag</source>
        <translation>封存袋上印制的编号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only if more than 24 h after burning</source>
        <translation>仅在刻录后超过24小时移交时填写</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seal number (original)</source>
        <translation>封存编号（正本）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf location of the original</source>
        <translation>正本存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf location of the duplicate</source>
        <translation>副本存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for a late handover</source>
        <translation>逾期移交原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case handler (hands over)</source>
        <translation>办案人员（移交人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper (receives)</source>
        <translation>保管员（接收人）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Handover #%1 registered: the original is sealed, the duplicate is on the shelf.</source>
        <translation>移交第%1号已登记：正本已封存，副本已入库上架。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-98"/>
        <source>handover</source>
        <translation>移交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sealed</source>
        <translation>封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsealed</source>
        <translation>启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resealed</source>
        <translation>重新封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrieved</source>
        <translation>调取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incident</source>
        <translation>异常事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferred</source>
        <translation>移送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moved</source>
        <translation>变更存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use of the original</source>
        <translation>使用正本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inspected at the reseal</source>
        <translation>重新封存时检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate reproduced</source>
        <translation>复制副本</translation>
    </message>
</context>
<context>
    <name>IdentifyDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/identify_disc.py" line="+64"/>
        <source>Disc in %1</source>
        <translation>%1 中的光盘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check every file</source>
        <translation>逐个校验文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open at the counter</source>
        <translation>在柜台打开</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the disc, checking every file… %1%</source>
        <translation>正在读取光盘，逐个校验文件… %1%</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This disc is in the register.</source>
        <translation>此光盘已登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The manifest on this disc is not the one registered for it.</source>
        <translation>此光盘上的文件清单与登记的不一致。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This disc is not in the register.</source>
        <translation>此光盘未登记。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Volume id: %1</source>
        <translation>卷标：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code: %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case %1 · person interrogated: %2</source>
        <translation>案件 %1 · 被讯问人：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In the register: %1, %2, shelf %3</source>
        <translation>登记情况：%1，%2，存放位置 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Manifest: %1</source>
        <translation>文件清单：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the registered one</source>
        <translation>与登记一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DIFFERS from the register</source>
        <translation>与登记不一致</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last read back: %1, %2</source>
        <translation>最近一次回读：%1，%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 files, %2 MB read; %3 read errors.</source>
        <translation>%1 个文件，读取 %2 MB；读取错误 %3 处。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not in the manifest</source>
        <translation>清单外文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>已改变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every file matches the register.</source>
        <translation>所有文件与登记一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disc does NOT match the register.</source>
        <translation>此光盘与登记不一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disc %1 checked: %2</source>
        <translation>光盘 %1 已校验：%2</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../keeper_app/ui/views/inbox_view.py" line="+173"/>
        <location line="+50"/>
        <source>Acknowledge…</source>
        <extracomment>(&quot;ack&quot;, incident) / (&quot;approve&quot; | &quot;refuse&quot;, approval) / (&quot;approve_retrieval&quot; | &quot;refuse_retrieval&quot;, retrieval request) / (&quot;ack_court_late&quot;, late request): the main window opens the dialog the integrity alarm (services.self_check) while the history does not verify court/procuratorate requests marked late, reported to this head (schema 11) discrepancies of inventories reported to this head, to resolve (issue 16)</extracomment>
        <translation>签收…</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+2"/>
        <location line="+45"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+2"/>
        <location line="+45"/>
        <source>Refuse…</source>
        <translation>不予批准…</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge late request…</source>
        <translation>签收逾期调取…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+54"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+42"/>
        <location line="+12"/>
        <location line="+22"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+10"/>
        <location line="+15"/>
        <location line="+51"/>
        <source>Disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+10"/>
        <location line="+15"/>
        <location line="+16"/>
        <location line="+13"/>
        <location line="+9"/>
        <location line="+13"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+54"/>
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+54"/>
        <source>What was found</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+15"/>
        <location line="+16"/>
        <location line="+27"/>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+16"/>
        <location line="+18"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Requested by</source>
        <translation>调取机关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unusable duplicate</source>
        <translation>不可用的副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doubted by</source>
        <translation>异议提出人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why in doubt</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retriever</source>
        <translation>调取人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hours</source>
        <translation>预计使用（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Seizure</source>
        <translation>查封扣押</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Found late</source>
        <translation>发现逾期时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Court or procuratorate</source>
        <translation>法院/检察院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document number</source>
        <translation>调取文书编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items still open then</source>
        <translation>当时尚未移送项数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inventory</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded at</source>
        <translation>登记位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve by</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not located</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found, not expected there</source>
        <translation>在该处发现，但登记不在该处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seal not intact</source>
        <translation>封条不完好</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inventory discrepancies to resolve (%1)</source>
        <translation>待处理的盘点差异（%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Requests on seized items (%1)</source>
        <translation>查封扣押物品的申请（%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reports on seized items (%1)</source>
        <translation>查封扣押物品的报告（%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Court/procuratorate requests past 3 days (%1)</source>
        <translation>逾期（超过3日）未办结的法院/检察院调取（%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Incidents to acknowledge (%1)</source>
        <translation>待签收的异常情况报告（%1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requests to open an original (%1)</source>
        <translation>待审批的正本启封申请（%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Requests to retrieve a duplicate (%1)</source>
        <translation>待审批的副本调取申请（%1）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The clock of a Keeper computer jumped (%1):</source>
        <translation>Keeper 计算机时钟发生跳变（%1 次）：</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+2"/>
        <source>Integrity alarm: %1</source>
        <translation>完整性警报：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing waiting.</source>
        <translation>没有待办事项。</translation>
    </message>
</context>
<context>
    <name>Incident</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+3"/>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replaced</source>
        <translation>被调换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>late handover</source>
        <translation>逾期移交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>late return</source>
        <translation>逾期归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>late reseal</source>
        <translation>逾期未重新封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed read-back</source>
        <translation>回读核对未通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing at inventory</source>
        <translation>清点未找到</translation>
    </message>
</context>
<context>
    <name>IncidentAckDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/incident_ack.py" line="+19"/>
        <source>Acknowledge an incident</source>
        <translation>签收异常情况报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incident #%1: %2 — %3, case %4&lt;br&gt;%5&lt;br&gt;Reported by %6 at %7</source>
        <translation>异常情况第%1号：%2 — %3，案件 %4&lt;br&gt;%5&lt;br&gt;报告人：%6，报告时间：%7</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>what will be done</source>
        <translation>拟采取的处理措施</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Acknowledge and sign</source>
        <translation>签收并签名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Incident #%1 acknowledged.</source>
        <translation>异常情况第%1号已签收。</translation>
    </message>
</context>
<context>
    <name>IngestDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/ingest.py" line="+112"/>
        <source>Ingest recordings</source>
        <extracomment>the roots (read on a worker: they are resolved on the file system)</extracomment>
        <translation>导入录音录像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB disk</source>
        <translation>USB磁盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder or file</source>
        <translation>文件夹或文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person interrogated</source>
        <translation>被讯问人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person is</source>
        <translation>人员身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Space</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy, verify and register</source>
        <translation>复制、校验并登记</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>— a folder —</source>
        <translation>— 文件夹 —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not mounted)</source>
        <translation>（未挂载）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder of the recording</source>
        <translation>录音录像所在文件夹</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 file(s), %2</source>
        <translation>%1 个文件，%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>record read from keeper-record.json</source>
        <translation>已从 keeper-record.json 读取笔录信息</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Needed: %1 on each. Reading the free space of the storage device and the backup…</source>
        <translation>每处需要 %1。正在读取存储设备和备份的可用空间……</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Needed: %1 on each. Storage %2: %3 free. Backup %4: %5 free.</source>
        <translation>每处需要 %1。存储 %2：可用 %3。备份 %4：可用 %5。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose the folder or USB disk of the recording.</source>
        <translation>请选择录音录像所在的文件夹或USB磁盘。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading both copies back and comparing…</source>
        <translation>正在回读两份副本并比对…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copying to the storage device and the backup… %1%</source>
        <translation>正在复制到存储设备和备份… %1%</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Recording #%1 stored and backed up (%2 file(s)); both copies verified; registered.</source>
        <translation>录音录像 #%1 已存储并备份（%2 个文件）；两份均已校验；已登记。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The same footage is registered already for recording %1.</source>
        <translation>相同的录像已登记于录音录像 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Uploaded late: %1 h %2 min after the interrogation ended (the limit is %3 h; Art. 17: at once).</source>
        <translation>上传逾期：讯问结束后 %1 小时 %2 分钟才上传（时限为 %3 小时；第十七条：讯问结束后立即上传）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The duration check does not match the record: the recording is on the review list. %1</source>
        <translation>时长核对与笔录不符：该录音录像已列入审核清单。%1</translation>
    </message>
</context>
<context>
    <name>Inspection</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-67"/>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replaced</source>
        <translation>被调换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
</context>
<context>
    <name>IntegrityStatus</name>
    <message>
        <location filename="../../keeper_app/ui/integrity.py" line="+80"/>
        <source>The register&apos;s history could not be checked: %1</source>
        <extracomment>how often the check runs again while the app is open (ms)</extracomment>
        <translation>无法核查登记簿的历史记录：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The register&apos;s history does not verify (%1): nothing can be signed until it is checked — tell the department head</source>
        <translation>登记簿的历史记录校验不通过（%1）：在核查之前不能签署任何内容——请报告部门负责人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History NOT as witnessed: %1</source>
        <translation>历史记录与见证不符：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History verified up to event %1; no witness yet</source>
        <translation>历史记录已校验至第 %1 条事件；尚无见证</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History witnessed: %1 witnesses agree, last %2 (event %3)</source>
        <translation>历史记录已见证：%1 个见证一致，最近一次 %2（第 %3 条事件）</translation>
    </message>
</context>
<context>
    <name>InventoryCloseDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/inventory_close.py" line="+23"/>
        <source>Close the inventory and sign its record</source>
        <translation>结束盘点并在盘点记录上签名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper</source>
        <translation>保管人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness (a second person of the staff)</source>
        <translation>见证人（本机关另一名工作人员）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close and sign</source>
        <translation>结束盘点并签名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Inventory #%1 is closed; its record is signed.</source>
        <translation>盘点 #%1 已结束，盘点记录已签名。</translation>
    </message>
</context>
<context>
    <name>InventoryDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/inventory.py" line="+202"/>
        <source>Inventory</source>
        <extracomment>more expected media than this: the keeper is asked for a narrower location an observation that says the disc was seen on the shelf</extracomment>
        <translation>盘点</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Location starts with</source>
        <translation>存放位置开头为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 柜B; empty: all locations</source>
        <translation>例如 柜B；留空：全部位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scan, or type a code and press Enter</source>
        <translation>扫描条码，或输入编号后按回车</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+398"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-397"/>
        <source>Copy</source>
        <translation>正副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+393"/>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location line="-390"/>
        <location line="+352"/>
        <source>Flagged scans</source>
        <translation>异常扫描</translation>
    </message>
    <message>
        <location line="-351"/>
        <source>Save list…</source>
        <translation>保存清单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>where the selected disc was looked for</source>
        <translation>所选光盘曾在何处查找</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>More than %1 media are expected there: choose a narrower location.</source>
        <translation>该处应有的介质超过 %1 件：请选择更具体的存放位置。</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+282"/>
        <source>missing</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="-315"/>
        <source>all locations</source>
        <translation>全部位置</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Expected %1 · found %2 · still missing %3 · flagged %4</source>
        <translation>应有 %1 · 已找到 %2 · 仍缺 %3 · 异常 %4</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>malformed code</source>
        <translation>编号格式错误</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+86"/>
        <source>scanned twice</source>
        <translation>重复扫描</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>%1 was already scanned.</source>
        <translation>%1 已扫描过。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>✔ %1 found; %2 still missing.</source>
        <translation>✔ 已找到 %1；仍缺 %2 件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not registered</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>no location</source>
        <translation>无存放位置</translation>
    </message>
    <message>
        <location line="-326"/>
        <source>Stocktaking of the shelves, recorded: choose a location (for example 柜B, or leave it empty for the whole room) and start; the media expected there are listed, with those out on a recorded retrieval or transfer. Scan every disc on the shelves (look at the seal of each sealed original first). Confirm the discs out from the register, record each disc still missing as not located, then close: the keeper and a witness sign the record, and every discrepancy goes to the head of the case&apos;s department.</source>
        <translation>盘点保管场所并留存记录：选择存放位置（例如 柜B，留空为全部位置）后开始盘点；系统列出该处应在的光盘，以及已登记调出或移交的光盘。逐一扫描架上每张光盘（封存的正本先查看封条）。已调出的光盘按登记核对确认，查找后仍未找到的光盘登记为“未找到”，然后结束盘点：保管人员和见证人在盘点记录上签名，每项差异报告本案办案部门负责人。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start inventory</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seal of the next original not intact</source>
        <translation>下一张正本封条不完好</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close and sign…</source>
        <translation>结束盘点并签名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the record…</source>
        <translation>打印盘点记录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record selected disc not located</source>
        <translation>将所选光盘登记为未找到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the discs out on record</source>
        <translation>确认已登记调出的光盘</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Starting the inventory…</source>
        <translation>正在开始盘点…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Inventory #%3: %1 media expected at “%2”; scan every disc on the shelves.</source>
        <translation>盘点 #%3：“%2”应在光盘 %1 张；请逐一扫描架上每张光盘。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>seal intact</source>
        <translation>封条完好</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+280"/>
        <source>seal not intact</source>
        <translation>封条不完好</translation>
    </message>
    <message>
        <location line="-279"/>
        <location line="+280"/>
        <source>out on record</source>
        <translation>已登记调出/移交</translation>
    </message>
    <message>
        <location line="-279"/>
        <location line="+280"/>
        <source>not located</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>found, recorded out</source>
        <translation>在架，但登记为已调出</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 recorded not located; at closing it is recorded lost and its head told.</source>
        <translation>%1 已登记为未找到：结束盘点时登记为丢失，并报告其部门负责人。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 discs out on record confirmed.</source>
        <translation>已确认 %1 张已登记调出的光盘。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose the location and start the inventory first.</source>
        <translation>请先选择存放位置并开始盘点。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This inventory is closed: its record is signed.</source>
        <translation>本次盘点已结束，盘点记录已签名。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 found, its seal NOT intact: reported at closing.</source>
        <translation>已找到 %1，但其封条不完好：结束盘点时报告。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is not registered: recorded as unexpected.</source>
        <translation>%1 未登记：已记为“不应在此”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>should be elsewhere: %1, recorded at %2</source>
        <translation>应在别处：%1，登记位置 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not on the shelves: %1 (last location %2)</source>
        <translation>不应在柜内：%1（最后登记位置 %2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not expected here: %2</source>
        <translation>%1 不应在此处：%2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected location</source>
        <translation>应在位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save the inventory list</source>
        <translation>保存盘点清单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>InventoryResolveDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/inventory_resolve.py" line="+20"/>
        <source>Resolve an inventory discrepancy</source>
        <translation>处理盘点差异</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inventory #%1: %2, disc %3 of case %4&lt;br&gt;Reported %5; resolve by %6</source>
        <translation>盘点 #%1：%2，案件 %4 的光盘 %3&lt;br&gt;报告时间 %5；处理期限 %6</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>what was found out and what was done</source>
        <translation>查明的情况及处理结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolve and sign</source>
        <translation>处理并签名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inventory discrepancy #%1 resolved.</source>
        <translation>盘点差异 #%1 已处理。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not located</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found, not expected there</source>
        <translation>在该处发现，但登记不在该处</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seal not intact</source>
        <translation>封条不完好</translation>
    </message>
</context>
<context>
    <name>ItemKind</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+168"/>
        <source>original medium seized</source>
        <translation>扣押的原始存储介质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>electronic data extracted</source>
        <translation>提取的电子数据</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location line="+132"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/location.py" line="+18"/>
        <source>Move to another shelf location</source>
        <translation>变更存放位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New shelf location</source>
        <translation>新的存放位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move</source>
        <translation>变更</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 moved to %2.</source>
        <translation>%1 已移至 %2。</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../keeper_app/ui/lock.py" line="+58"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in: %1 (%2). Type your password to continue.</source>
        <translation>当前登录：%1（%2）。请输入密码继续。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out (another person)</source>
        <translation>退出登录（换人使用）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Locked: the scan was ignored. Unlock, then scan again.</source>
        <translation>已锁定：此次扫描未处理，也不计为密码。请先解锁，再重新扫描。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../keeper_app/ui/main_window.py" line="+161"/>
        <source>forward</source>
        <extracomment>How often the main window looks at the computer&apos;s clock. the other desks&apos; changes, heard (an office server; nothing on a sqlite file)</extracomment>
        <translation>向前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>back</source>
        <translation>向后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The computer&apos;s clock jumped %1 (now %2, expected %3): times recorded now may be wrong — have the clock checked. The department heads are told.</source>
        <translation>计算机时钟%1跳变（现为 %2，应为 %3）：此时记录的时间可能有误——请核查时钟。已报告部门负责人。</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Keeper — custody of interrogation recordings</source>
        <translation>讯问录音录像资料保管系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrogation recordings: custody</source>
        <translation>讯问录音录像资料保管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in: %1 (%2) · %3</source>
        <translation>当前登录：%1（%2）· %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Your role has nothing to do in this application.</source>
        <translation>您的岗位在本系统中没有可办理的事项。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connection to the office server lost; reconnecting…</source>
        <translation>办公室服务器连接中断，正在重新连接…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>介质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seized items</source>
        <translation>查封扣押物品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieval register</source>
        <translation>调取登记簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who read what</source>
        <translation>查阅记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper</source>
        <translation>讯问录音录像保管</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due and late</source>
        <translation>到期与逾期</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inbox</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Connected to the office server again.</source>
        <translation>已重新连接办公室服务器。</translation>
    </message>
</context>
<context>
    <name>MediaType</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-144"/>
        <source>audio tape</source>
        <translation>录音带</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>videotape</source>
        <translation>录像带</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB stick</source>
        <translation>U盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hard drive</source>
        <translation>硬盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory card</source>
        <translation>存储卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optical disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <location filename="../../keeper_app/ui/views/media_view.py" line="+79"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Copy</source>
        <translation>正副本</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+12"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person interrogated</source>
        <translation>被讯问人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal</source>
        <translation>封存编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 shown</source>
        <translation>已显示 %1 条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, more as you scroll</source>
        <translation>，向下滚动加载更多</translation>
    </message>
</context>
<context>
    <name>Org</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-157"/>
        <source>people&apos;s court</source>
        <translation>人民法院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>people&apos;s procuratorate</source>
        <translation>人民检察院</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/pdf_preview.py" line="+61"/>
        <source>Making the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Drawing page %1…</source>
        <translation>正在绘制第 %1 页…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../keeper_app/ui/views/people_view.py" line="+68"/>
        <source>Add a person…</source>
        <extracomment>(&quot;add&quot;, None) / (&quot;roles&quot;, person row) / (&quot;unlock&quot;, person row)</extracomment>
        <translation>新增人员…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change roles…</source>
        <translation>修改岗位…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock…</source>
        <translation>解除锁定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate / reactivate</source>
        <translation>停用/启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Badge</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court/procuratorate</source>
        <translation>法院/检察院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a person first.</source>
        <translation>请先选择一名人员。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 reactivated.</source>
        <translation>%1 已重新启用。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 deactivated.</source>
        <translation>%1 已停用。</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/person.py" line="-74"/>
        <source>Add a person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>court/procuratorate staff only</source>
        <translation>仅法院/检察院人员填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court or procuratorate</source>
        <translation>所在法院/检察院</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person gets a one-time enrolment code, shown once when you add them. At their first sign-in they give it and choose their own password.</source>
        <translation>此人将获得一个一次性登记码，仅在添加时显示一次。首次登录时，本人输入登记码并自行设置密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Department head (countersigns)</source>
        <translation>部门负责人（会签）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 added.</source>
        <translation>已新增 %1。</translation>
    </message>
</context>
<context>
    <name>PersonRole</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+11"/>
        <source>suspect</source>
        <translation>犯罪嫌疑人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>victim</source>
        <translation>被害人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness</source>
        <translation>证人</translation>
    </message>
</context>
<context>
    <name>PossessorSignature</name>
    <message>
        <location line="+150"/>
        <source>signed the inventory</source>
        <translation>已在清单上签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused to sign</source>
        <translation>拒绝签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>was not at the scene</source>
        <translation>不在现场</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/print_dialog.py" line="+81"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First free label</source>
        <translation>从第几个空标签开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Calibration cannot be read: %1</source>
        <translation>无法读取校准值：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+1"/>
        <source>Making the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The printing font has no %1 (in “%2”): it would print blank. Write it in by hand on the paper.</source>
        <translation>打印字体中没有 %1（见“%2”），打印出来会是空白；请在纸上手写补上。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Calibration of %1: %2 mm right, %3 mm down.</source>
        <translation>%1 的校准值：向右 %2 毫米，向下 %3 毫米。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No printer chosen: no calibration.</source>
        <translation>未选择打印机：不做校准。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sending to %1…</source>
        <translation>正在发送到 %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for %1: %2 job(s) before this one.</source>
        <translation>等待 %1：前面还有 %2 个打印任务。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent to %1 as job %2; printing…</source>
        <translation>已发送到 %1（任务 %2），正在打印…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printed on %1 (job %2).</source>
        <translation>已在 %1 上打印完成（任务 %2）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scanned %1: close the printing first.</source>
        <translation>扫描到 %1：请先关闭打印窗口。</translation>
    </message>
</context>
<context>
    <name>PrintDocs</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+62"/>
        <source>Disc labels of the pair %1</source>
        <translation>光盘 %1 一组的盘面标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sleeve inserts of the pair %1</source>
        <translation>光盘 %1 一组的盒套插页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal-bag label of the original of %1</source>
        <translation>%1 原件的封存袋标签</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calibration sheet</source>
        <translation>校准页</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Handover receipt %1</source>
        <translation>移交回执 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident report #%1</source>
        <translation>情况报告 #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer list for request #%1</source>
        <translation>调取函 #%1 的移送清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive handover list of case %1</source>
        <translation>案件 %1 的归档移交清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain-of-custody report of %1</source>
        <translation>%1 的保管链报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieval register pages</source>
        <translation>调取登记表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily checkpoint slip #%1</source>
        <translation>每日检查点单 #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key form of %1</source>
        <translation>%1 的密钥登记表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot check report #%1</source>
        <translation>抽查报告 #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory record #%1</source>
        <translation>盘点记录 #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction sticker #%1 for the seal bag</source>
        <translation>封存袋更正贴 #%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags of seized items %1</source>
        <translation>查封/扣押物品标签 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory of seizure %1</source>
        <translation>查封/扣押财物、文件清单 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release notice and inventory #%1</source>
        <translation>解除查封/扣押通知书及清单 #%1</translation>
    </message>
</context>
<context>
    <name>PrinterChoice</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/printer_choice.py" line="+31"/>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking for printers…</source>
        <translation>正在查找打印机…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No printer is set up on this computer.</source>
        <translation>本机没有设置打印机。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not accepting jobs</source>
        <translation>不接受任务</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../keeper_app/ui/print_errors.py" line="+12"/>
        <source>The printing programs (CUPS) are not installed on this computer.</source>
        <translation>本机没有安装打印程序（CUPS）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The print system (CUPS) cannot be reached: is the cups service running?</source>
        <translation>无法连接打印系统（CUPS）：cups 服务是否在运行？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The print system (CUPS) did not answer.</source>
        <translation>打印系统（CUPS）没有响应。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printers could not be listed.</source>
        <translation>无法列出打印机。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a printer first.</source>
        <translation>请先选择打印机。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no such printer: it was removed or renamed. Choose another one.</source>
        <translation>没有这台打印机：它已被删除或改名，请选择其他打印机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer rejects jobs: an administrator must let it accept them again.</source>
        <translation>打印机拒绝接受任务：需由管理员恢复接受任务。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer has stopped: the job waits until it is started again.</source>
        <translation>打印机已停止：任务将等待打印机重新启动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The job has not printed yet.</source>
        <translation>任务尚未打印。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing failed.</source>
        <translation>打印失败。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies must be 1 to 99.</source>
        <translation>份数必须为 1 到 99。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A print option is not valid.</source>
        <translation>打印选项无效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no document to print.</source>
        <translation>没有可打印的文档。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not a PDF.</source>
        <translation>该文件不是 PDF。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>The PDF could not be saved there.</source>
        <translation>PDF 无法保存到该位置。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>A file with this name exists already: it was not replaced.</source>
        <translation>同名文件已存在：未覆盖该文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This name is a link to another file: Keeper does not save through a link.</source>
        <translation>此名称是指向另一个文件的链接：Keeper 不通过链接保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This name is not a file.</source>
        <translation>此名称不是文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Chinese printing font is not installed (fonts-wqy-microhei).</source>
        <translation>没有安装打印用的中文字体（fonts-wqy-microhei）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Chinese printing font cannot be used.</source>
        <translation>打印用的中文字体无法使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents are printed in Chinese or English.</source>
        <translation>文档只能以中文或英文打印。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such label sheet.</source>
        <translation>没有这种标签纸。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The label sheet template is not valid.</source>
        <translation>标签纸模板无效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No label sheet templates are installed.</source>
        <translation>没有安装标签纸模板。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sheet has no such label position.</source>
        <translation>标签纸上没有这个标签位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The barcode does not fit on this label.</source>
        <translation>条码放不进这种标签。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer calibration is not valid: measure again from the test sheet.</source>
        <translation>打印机校准值无效：请根据校准页重新测量。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This code cannot be printed as a barcode.</source>
        <translation>该编号无法打印成条码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a printer resolution.</source>
        <translation>不是有效的打印机分辨率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is nothing to print.</source>
        <translation>没有要打印的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the original is sealed in a bag: there is no seal-bag label to print.</source>
        <translation>只有原件装入封存袋：没有可打印的封存袋标签。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No preview: pdftoppm (poppler-utils) is missing; saving and printing work.</source>
        <translation>无法预览：缺少 pdftoppm（poppler-utils）；保存和打印不受影响。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The preview could not be made.</source>
        <translation>无法生成预览。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The document could not be printed.</source>
        <translation>文档无法打印。</translation>
    </message>
</context>
<context>
    <name>ReadsView</name>
    <message>
        <location filename="../../keeper_app/ui/views/reads_view.py" line="+58"/>
        <source>a disc&apos;s record</source>
        <translation>光盘记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the list of media</source>
        <translation>介质列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the list of cases</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the retrieval register</source>
        <translation>调取登记簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>what is due and late</source>
        <translation>到期与逾期事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the inbox</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the inventory</source>
        <translation>盘点清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unseal approvals</source>
        <translation>启封审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>court and procuratorate requests</source>
        <translation>法院、检察院调取请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a disc in a drive</source>
        <translation>光驱中的光盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a disc&apos;s read-backs</source>
        <translation>光盘回读核验记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the fixity report</source>
        <translation>定期检查报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recordings</source>
        <translation>录音录像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the archive handover list</source>
        <translation>归档移交清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a printed document</source>
        <translation>打印或导出的文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>who read what</source>
        <translation>查阅记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case number (empty: all your cases)</source>
        <translation>案件编号（留空：您的全部案件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From YYYY-MM-DD (empty: the last 30 days)</source>
        <translation>起始日期 YYYY-MM-DD（留空：最近30天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader</source>
        <translation>查阅人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was read</source>
        <translation>查阅内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked for</source>
        <translation>查询条件</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy</source>
        <translation>份别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shelf</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from row</source>
        <translation>起始行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list</source>
        <translation>清单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disc label</source>
        <translation>光盘标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the pair&apos;s labels</source>
        <translation>一对光盘的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>register pages</source>
        <translation>登记簿页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover receipt</source>
        <translation>移交回执</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incident report</source>
        <translation>事件报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>court transfer list</source>
        <translation>法院移送清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>archive handover list</source>
        <translation>归档移交清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review list</source>
        <translation>复核清单</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-271"/>
        <source>case handling</source>
        <translation>办案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case review</source>
        <translation>案件审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>law-enforcement supervision</source>
        <translation>执法监督</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complaint investigation</source>
        <translation>核查信访投诉</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../keeper_app/ui/record_view.py" line="+50"/>
        <source>Shortcut: %1</source>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Scan a disc, or type its code above.</source>
        <extracomment>what the print button offers for a disc: both labels, sleeve inserts, the original&apos;s seal-bag label, the handover receipt (once handed over), the sticker of the newest label correction for the seal bag (once a label field was corrected, issue 14), the custody report of the pair (issue 16); &quot;custody&quot; (this disc&apos;s custody report) has its own button the counter&apos;s actions from the keyboard (a button&apos;s shortcut works only while the button is shown, i.e. while the record and the role allow that action)</extracomment>
        <translation>请扫描光盘条码，或在上方输入编号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to do with this disc in your role.</source>
        <translation>以您的岗位，这张光盘目前没有可办理的事项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print labels…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custody report…</source>
        <translation>保管链报告…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every event of this disc&apos;s life, who signed in which capacity, the hashes and the audit chain head — to print or save</source>
        <translation>本光盘的全部保管事件、签名人及其身份、哈希值和审计链链头——可打印或保存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disc labels of both discs of the pair…</source>
        <translation>一组两张光盘的盘面标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sleeve inserts…</source>
        <translation>盒套插页…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal-bag label of the original…</source>
        <translation>原件封存袋标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover receipt…</source>
        <translation>移交回执…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction sticker for the seal bag…</source>
        <translation>封存袋更正贴…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custody report of the pair…</source>
        <translation>本对光盘的保管链报告…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case status</source>
        <translation>案件状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>办案部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person interrogated</source>
        <translation>被讯问人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>正副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal number</source>
        <translation>封存编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made</source>
        <translation>制作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other disc</source>
        <translation>同组光盘</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Out with</source>
        <translation>调取人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2, %3) since %4 for %5, due back %6 · register #%7</source>
        <translation>%1（%2，%3）于 %4 因%5调取，应于 %6 前归还 · 登记第%7号</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>LATE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SOON</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due</source>
        <translation>待办</translation>
    </message>
</context>
<context>
    <name>RecordingKind</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+37"/>
        <source>interrogation</source>
        <translation>讯问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>questioning</source>
        <translation>询问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>search</source>
        <translation>搜查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sealing and seizure</source>
        <translation>查封扣押</translation>
    </message>
</context>
<context>
    <name>RecordingsTable</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/recordings_table.py" line="+35"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On discs</source>
        <translation>所在光盘</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../keeper_app/ui/errors.py" line="+26"/>
        <source>Nothing was scanned or typed.</source>
        <translation>没有扫描或输入任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a medium code: it has characters no medium code has.</source>
        <translation>这不是介质编号：含有介质编号中不会出现的字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a medium code: a medium code has 16 characters.</source>
        <translation>这不是介质编号：介质编号应为16位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a medium code: unit, year and serial must be digits.</source>
        <translation>这不是介质编号：单位代码、年份和序号必须是数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a medium code: the copy letter must be O, D, H or S.</source>
        <translation>这不是介质编号：正副本标识必须是 O（正本）、D（副本）、H（硬盘）或 S（扣押介质）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The code fails its check character: misread or mistyped. Scan again or type it from the label.</source>
        <translation>编号校验位不符，可能是误读或输错。请重新扫描，或按标签重新输入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No such medium is registered.</source>
        <translation>系统中没有登记这件介质。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file with this name exists already: it was not replaced.</source>
        <translation>同名文件已存在：未覆盖该文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This name is a link to another file: Keeper does not save through a link.</source>
        <translation>此名称是指向另一个文件的链接：Keeper 不通过链接保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This name is not a file.</source>
        <translation>此名称不是文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be saved there.</source>
        <translation>文件无法保存到该位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No case with this number.</source>
        <translation>没有这个编号的案件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No person with this badge number.</source>
        <translation>没有这个警号的人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such approval request.</source>
        <translation>没有这份审批申请。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such incident.</source>
        <translation>没有这条异常情况记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such court or procuratorate request.</source>
        <translation>没有这条法院/检察院调取登记。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such department.</source>
        <translation>没有这个部门。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such entry.</source>
        <translation>没有这条登记。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such recording.</source>
        <translation>没有这段录音录像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You do not handle this case and may not see its media.</source>
        <translation>您不是本案办案人员，无权查看本案介质。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This case is handled by another department: you may not see its media.</source>
        <translation>本案由其他部门办理，您无权查看本案介质。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The register&apos;s history does not verify: nothing can be signed until it is checked. Tell the department head.</source>
        <translation>登记簿的历史记录校验不通过：在核查之前不能签署任何内容。请报告部门负责人。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The badge number or the password is wrong.</source>
        <translation>警号或密码错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is not locked.</source>
        <translation>此人未被锁定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked after too many wrong passwords: wait, or ask an administrator.</source>
        <translation>密码错误次数过多，账号已暂时锁定：请稍后再试，或联系系统管理员解锁。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other counters kept changing the register; nothing was recorded. Try again.</source>
        <translation>其他柜台正在连续修改登记簿，本次未作任何登记，请重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a status.</source>
        <translation>不是有效的状态。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a copy role.</source>
        <translation>不是有效的正副本类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a badge number.</source>
        <translation>这不是有效的警号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is deactivated.</source>
        <translation>该人员已停用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The person signing must be the person signed in.</source>
        <translation>签名人必须是当前登录的本人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keeper who signs must be the keeper signed in.</source>
        <translation>签名的保管员必须是当前登录的保管员本人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two signers must be two different people.</source>
        <translation>两名签名人必须是不同的两个人。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This entry needs two signatures.</source>
        <translation>此项登记需要两人签名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role does not allow this.</source>
        <translation>您的岗位无权办理此事项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This password is not allowed: it needs 10 characters or more, not the badge number, and not one of the commonest passwords.</source>
        <translation>不能使用此密码：密码至少需要 10 个字符，不能是警号，也不能是最常见的密码之一。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A department head must countersign this (their badge number and password).</source>
        <translation>此操作须由部门负责人会签（其警号和密码）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The administrator cannot countersign their own request.</source>
        <translation>管理员不能会签自己的申请。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An administrator holds no custody role and sees no case data.</source>
        <translation>管理员不担任保管类角色，也不能查看案件数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody changes their own roles.</source>
        <translation>任何人都不能更改自己的角色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can only change your own password.</source>
        <translation>只能修改本人的密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not enrolled yet: sign in the first time with the enrolment code.</source>
        <translation>尚未登记：首次登录请使用登记码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong enrolment code.</source>
        <translation>登记码错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment code was used already.</source>
        <translation>此登记码已被使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment code has expired: ask an administrator for a new one.</source>
        <translation>此登记码已过期：请向系统管理员申请新的登记码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrolled already: sign in with your password.</source>
        <translation>已登记：请使用您的密码登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No enrolment code was issued: ask an administrator for one.</source>
        <translation>尚未发放登记码：请向系统管理员申请。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a new password, different from the old one (or the code).</source>
        <translation>请设置一个与旧密码（或登记码）不同的新密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A required field is empty.</source>
        <translation>有必填项未填写。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A field is too long.</source>
        <translation>有填写内容超出长度限制。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A field contains characters that are not allowed.</source>
        <translation>填写内容含有不允许的字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time is not possible.</source>
        <translation>时间不合理。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The estimated usage time is out of range.</source>
        <translation>预计使用时间超出允许范围。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than 24 hours since burning: give the reason for the delay; the department head will be told.</source>
        <translation>距刻录已超过24小时：请填写逾期移交原因，系统将报告部门负责人。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This person is not a case handler of the case.</source>
        <translation>该人员不是本案的办案人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person is not a keeper.</source>
        <translation>该人员不是保管员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A case handler of this case may not keep its recordings.</source>
        <translation>本案办案人员不得保管本案的录音录像资料。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case is not open.</source>
        <translation>该案件不在办理中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pair of discs is incomplete.</source>
        <translation>该组光盘不完整（缺少正本或副本）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A hard-drive volume is not handed over as a pair.</source>
        <translation>硬盘存储卷不按正副本成组移交。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This seal number was used before: use a new seal.</source>
        <translation>该封存编号已使用过，请使用新的封条。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This disc is already out and must be returned first.</source>
        <translation>这张光盘已被调取，须先归还。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the duplicate may be retrieved or transferred; the original stays sealed.</source>
        <translation>只能调取或移送副本光盘，正本须保持封存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person may not retrieve for this reason.</source>
        <translation>该人员不能以此事由调取光盘。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The approver must be a department head.</source>
        <translation>审批人必须是部门负责人。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody approves their own retrieval.</source>
        <translation>不得审批本人的调取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No such retrieval request.</source>
        <translation>没有该调取申请。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the retriever, or a keeper on his behalf, asks for a retrieval.</source>
        <translation>调取申请只能由调取人本人提出，或由保管员代为提出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This retrieval request is for another disc.</source>
        <translation>该调取申请针对的是另一张光盘。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This retrieval request was approved for another retriever.</source>
        <translation>该调取申请批准的是另一名调取人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The head of the case&apos;s department has not approved this retrieval.</source>
        <translation>本案办案部门负责人尚未批准此次调取。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This approval was already used: one approval, one retrieval.</source>
        <translation>该批准已使用过：一次批准只能调取一次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This approval has lapsed: ask the department head again.</source>
        <translation>该批准已过期：请重新报部门负责人审批。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not an allowed reason to retrieve a disc.</source>
        <translation>不是允许的调取事由。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case is with the archives.</source>
        <translation>该案件已移交档案部门。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This disc is not out: there is nothing to return.</source>
        <translation>这张光盘未被调取，无需归还。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No read-back of this disc since it went out: it can only be recorded as not checked, with the reason.</source>
        <translation>该光盘调出后未做回读核对：只能登记为“未校验”，并写明原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The read-back of this disc found something else: record what it found.</source>
        <translation>该光盘的回读核对结果与所选不符：请按回读结果登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A return that was not read back needs the reason it was not checked.</source>
        <translation>未回读核对的归还须写明未校验的原因。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This disc has no open register entry.</source>
        <translation>这张光盘没有未结的调取登记。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an inspection result.</source>
        <translation>不是有效的检查结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A return needs the inspection result.</source>
        <translation>归还时须填写检查结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disc failed verification: it cannot be recorded intact.</source>
        <translation>光盘校验不符，不能登记为完好。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a verification result.</source>
        <translation>不是有效的校验结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case&apos;s department has no head to report to.</source>
        <translation>本案办案部门未设负责人，无法报告。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an original is sealed.</source>
        <translation>只有正本光盘才封存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original is not sealed.</source>
        <translation>正本当前不是封存状态。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original is opened only to reproduce or check the duplicate.</source>
        <translation>正本只能因副本损坏、丢失需要复制，或副本真实性存疑需要核对而启封。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An approval request for this disc is already open.</source>
        <translation>这张光盘已有未办结的启封申请。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This request was already decided.</source>
        <translation>该申请已审批。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This approval is not for this disc.</source>
        <translation>该审批不是针对这张光盘的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The department head has not approved opening this original.</source>
        <translation>办案部门负责人尚未批准启封此正本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This approval was already used.</source>
        <translation>该审批已使用过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The duplicate is not recorded damaged, lost or replaced: there is nothing to reproduce.</source>
        <translation>副本未登记为损坏、丢失或被调换：无需复制。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only staff of the organ use an unsealed original.</source>
        <translation>只有本机关工作人员可以使用已启封的正本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The original must be unsealed, with approval, before a duplicate is made.</source>
        <translation>须经批准启封正本后，方可复制副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The original was not opened to reproduce the duplicate.</source>
        <translation>正本启封的事由不是复制副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A duplicate was already reproduced under this unsealing.</source>
        <translation>本次启封已复制过副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The original does not match its manifest: nothing was registered.</source>
        <translation>正本与其清单不一致：未作任何登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disc&apos;s record changed while it was being burned: nothing was registered.</source>
        <translation>刻录期间该光盘的登记情况发生了变化：未作任何登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The original and the new disc must be in two different drives.</source>
        <translation>正本和新光盘必须放在两个不同的光驱中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the head of the department handling the case may approve.</source>
        <translation>只有本案办案部门负责人才能审批。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The department does not match the case.</source>
        <translation>部门与案件不符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This incident was already acknowledged.</source>
        <translation>该异常情况报告已签收。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This incident is reported to another department head.</source>
        <translation>该异常情况报告的是其他部门负责人。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The requesting body is a court or a procuratorate.</source>
        <translation>调取机关须为人民法院或人民检察院。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This disc is not of the requested case.</source>
        <translation>这张光盘不属于调取的案件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recordings on a hard drive are burned to a disc pair before transfer.</source>
        <translation>硬盘存储的录音录像须先转录为光盘再移送。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recipient is not registered as court or procuratorate staff.</source>
        <translation>接收人未登记为法院或检察院人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name what is asked for: recordings or discs of the case, or all of them.</source>
        <translation>请写明调取的内容：本案的录音录像或光盘，或本案全部讯问录音录像。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What is asked for is not of this case.</source>
        <translation>调取的内容不属于本案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request does not (or no longer) ask for what this disc carries.</source>
        <translation>该调取未要求（或已不再要求）这张光盘上的内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No such item of a request.</source>
        <translation>没有这一调取项目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This item was already transferred or closed.</source>
        <translation>该项目已移送或已注明原因办结。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case cannot be concluded while discs await their handover: hand them over first.</source>
        <translation>尚有光盘未移交保管，案件不能侦查终结：请先移交。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a concluded case goes to the archives.</source>
        <translation>只有侦查终结的案件才能移交档案部门。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some media of the case are not back in custody.</source>
        <translation>本案有介质尚未归还入库。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case holds no media.</source>
        <translation>本案没有介质。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scanned medium is not held for this case.</source>
        <translation>扫描的介质不属于本案在库介质。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not every disc of the case has been scanned.</source>
        <translation>本案光盘尚未全部扫描。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receiver is not in the archives department.</source>
        <translation>接收人不是档案部门人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You neither handle this case nor head its department.</source>
        <translation>您既不是本案办案人员，也不是办案部门负责人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not allowed in the medium&apos;s present state.</source>
        <translation>介质当前状态下不允许此操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose at least one recording.</source>
        <translation>请至少选择一段录音录像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recordings of different cases cannot share a disc.</source>
        <translation>不同案件的录音录像不能刻录在同一张光盘上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recordings of different persons cannot share a disc: one person per disc.</source>
        <translation>不同人员的录音录像不能刻录在同一张光盘上：一人一盘。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The drive cannot be found or opened.</source>
        <translation>找不到或无法打开光驱。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no disc in the drive: insert a blank disc.</source>
        <translation>光驱中没有光盘：请放入空白光盘。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disc is not blank: insert a blank disc (Keeper never writes over a disc).</source>
        <translation>光盘不是空白的：请放入空白光盘（本系统从不覆盖写入光盘）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disc is too small for these recordings: use a bigger disc or fewer recordings.</source>
        <translation>光盘容量不足以容纳这些录音录像：请使用更大容量的光盘或减少录像。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The drive is busy with another burn.</source>
        <translation>光驱正在进行另一项刻录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drive did not answer.</source>
        <translation>光驱没有响应。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drive did not report the disc&apos;s space.</source>
        <translation>光驱未报告光盘容量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the disc failed: nothing was registered; use a new disc.</source>
        <translation>刻录写入失败：未作任何登记；请使用新光盘。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The burn failed: nothing was registered.</source>
        <translation>刻录失败：未作任何登记。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The burn was interrupted: nothing was registered.</source>
        <translation>刻录被中断：未作任何登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disc read back does not match the recordings: nothing was registered; use a new disc.</source>
        <translation>回读的光盘与录音录像不一致：未作任何登记；请使用新光盘。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled: nothing was registered.</source>
        <translation>已取消：未作任何登记。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A program Keeper needs is not installed.</source>
        <translation>未安装本系统所需的程序。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recording file is missing from the storage device and its backup.</source>
        <translation>存储设备及其备份中都缺少某个录像文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A stored recording file has changed since it was registered.</source>
        <translation>某个已存储的录像文件在登记后被改变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording has no files.</source>
        <translation>该录音录像没有文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An upload counts as late after 1 to 720 whole hours.</source>
        <translation>上传逾期的时限须为 1 至 720 的整小时数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These are not recordings of this case.</source>
        <translation>这些不是本案的录音录像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A major case goes to review with all its recordings.</source>
        <translation>重大案件报送审核时应随案移送全部录音录像资料。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A storage device is the dedicated storage device or its backup.</source>
        <translation>存储设备只能是专门存储设备或其备份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A storage device with this label is registered already.</source>
        <translation>已登记同一标签的存储设备。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No storage device with this label.</source>
        <translation>没有该标签的存储设备。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stored recording is accessed only for case handling, case review, law-enforcement supervision or a complaint.</source>
        <translation>调阅存储的录音录像仅限于办案、案件审核、执法监督或投诉调查。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A file of the recording cannot be read from where it is.</source>
        <translation>无法从所在位置读取该录像的某个文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disc cannot be read.</source>
        <translation>无法读取光盘。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a data disc Keeper can read.</source>
        <translation>这不是本系统能读取的数据光盘。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This disc was not made by Keeper.</source>
        <translation>此光盘不是由本系统制作的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not enough space on the storage device: free space or change the device.</source>
        <translation>存储设备空间不足：请释放空间或更换存储设备。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing to the storage device failed: nothing was kept or registered.</source>
        <translation>写入存储设备失败：未保留任何文件，也未登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A copy does not match the source: the storage device may be failing.</source>
        <translation>复制的文件与源文件不一致：存储设备可能有故障。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording is stored already; Keeper never overwrites a recording.</source>
        <translation>该录音录像已存储；本系统从不覆盖已存储的录像。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup must be kept in another place than the storage.</source>
        <translation>备份必须保存在与存储不同的位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chosen folder holds no recording files.</source>
        <translation>所选文件夹中没有录像文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interrogation record file beside the recordings cannot be read.</source>
        <translation>无法读取录像旁的讯问笔录信息文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person must be a suspect, a victim or a witness.</source>
        <translation>人员身份必须是犯罪嫌疑人、被害人或证人。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a keeper takes the daily checkpoint.</source>
        <translation>每日检查点只能由保管员取得。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A department head countersigns the daily checkpoint.</source>
        <translation>每日检查点须由部门负责人会签。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The register moved on while signing: the new head is shown; sign again.</source>
        <translation>签名期间登记簿已有新记录：已显示新的链头，请重新签名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A file of this name exists already; nothing was overwritten.</source>
        <translation>同名文件已存在；未覆盖任何文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file could not be written there.</source>
        <translation>无法在该处写入文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an existing folder for the transfer package.</source>
        <translation>请为移交包选择一个已有的文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A recording of the disc is not there: choose the folder of the mounted duplicate.</source>
        <translation>该光盘的录像文件不在此处：请选择已挂载复制件光盘的文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A recording is not the file on the disc&apos;s manifest: nothing was written.</source>
        <translation>录像文件与光盘清单不符：未写入任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a duplicate goes to a court, with its transfer package.</source>
        <translation>只有复制件移交法院，移交包随之出具。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the court transfer first, then write its package.</source>
        <translation>请先登记向法院移交，再写移交包。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This badge number is already registered.</source>
        <translation>该警号已登记。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The unit code is 4 digits.</source>
        <translation>单位代码应为4位数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This register already has people: sign in instead.</source>
        <translation>此登记簿已有人员，请直接登录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a role, or a combination of roles that is not allowed.</source>
        <translation>岗位无效，或岗位组合不允许。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person does not have the department head role.</source>
        <translation>该人员没有部门负责人岗位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An administrator cannot remove their own administrator role.</source>
        <translation>管理员不能取消自己的管理员岗位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You cannot deactivate yourself.</source>
        <translation>不能停用自己。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A case with this number exists already.</source>
        <translation>该案件编号已存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup failed.</source>
        <translation>备份失败。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup is damaged.</source>
        <translation>备份文件已损坏。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup does not verify.</source>
        <translation>备份文件校验未通过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This cannot be corrected.</source>
        <translation>此项不能更正。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing would change.</source>
        <translation>内容没有变化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An incident&apos;s description is never rewritten: add a signed supplement instead.</source>
        <translation>事故情况说明不得改写：请另行添加经签名的补充说明。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the keepers, case handlers and department head of this case may do this.</source>
        <translation>只有本案的保管员、办案人员和办案部门负责人可以办理此事项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This entry is corrected by the people whose duty it is, not by you.</source>
        <translation>此项记录应由负有相应职责的人员更正，您无权更正。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A retriever does not change his own estimated usage time: a longer use needs a new approval.</source>
        <translation>调取人不得自行更改本人的预计使用时间：延长使用须重新审批。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The second signer must be staff of this organ (keeper, case handler, department head or reviewer).</source>
        <translation>第二签名人必须是本机关工作人员（保管员、办案人员、部门负责人或法制审核人员）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Court or procuratorate staff hold no other role.</source>
        <translation>法院、检察院人员不得兼任其他角色。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a correction of a disc label has a sticker.</source>
        <translation>只有光盘标签的更正才有更正贴。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The original and the duplicate do not carry the same files.</source>
        <translation>正本与副本所载文件不一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No seized item has this tag.</source>
        <translation>没有查封扣押物品使用此标签。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a disc&apos;s code, not the tag of a seized item.</source>
        <translation>这是光盘的编号，不是查封扣押物品的标签。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No such seizure.</source>
        <translation>没有此查封扣押记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This seizure is sealed and registered already.</source>
        <translation>此次查封扣押已经封存并登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of copies is 0 to 999.</source>
        <translation>份数为 0 至 999。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number of items checked must be a count.</source>
        <translation>检查的物品数必须是一个数目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An item is the original medium seized or the electronic data extracted.</source>
        <translation>物品是扣押的原始存储介质或提取的电子数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the type of the medium.</source>
        <translation>请选择介质类型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A sealing period (or an extension) is 1 to 365 days.</source>
        <translation>查封扣押期限（或延长期限）为 1 至 365 天。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say whether the possessor signed, refused to sign or was not at the scene.</source>
        <translation>请说明持有人已签名、拒绝签名或不在现场。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The time of sealing is between the seizure and now.</source>
        <translation>封存时间应在查封扣押时间与现在之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The inventory file is not in the right form.</source>
        <translation>清单文件格式不正确。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was scanned does not match the inventory.</source>
        <translation>扫描的物品与清单不符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A keeper does not sign as an investigator: investigators seal, the keeper keeps.</source>
        <translation>保管人员不能以调查人员身份签名：调查人员封存，保管人员保管。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The act is video-recorded: register its recording and choose it.</source>
        <translation>此项工作须全程录像：请登记录像并选择。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording belongs to another case.</source>
        <translation>此录像属于另一案件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The inventory lists no item.</source>
        <translation>清单中没有物品。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most 200 items on one inventory.</source>
        <translation>一份清单最多 200 件物品。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The investigator is not of the department handling the case.</source>
        <translation>调查人员不属于承办此案的部门。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An original medium that was seized has no reason for not being seized: choose “electronic data extracted” for data extracted without the original.</source>
        <translation>已扣押的原始存储介质无需填写未能扣押的原因：未扣押原始介质而提取的数据请选择“提取的电子数据”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only an investigator (a case handler) signs this.</source>
        <translation>只有调查人员（办案人员）可以签名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sealing period has ended: it is extended only before it expires.</source>
        <translation>查封扣押期限已届满：只能在期限届满前延长。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The time of the seizure is later than now.</source>
        <translation>查封扣押时间晚于现在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This seizure is in safekeeping already.</source>
        <translation>此次查封扣押的物品已在保管中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This transfer came back already.</source>
        <translation>此次调用已经归还。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An item recorded damaged must be scanned back.</source>
        <translation>登记为损坏的物品必须扫描归还。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A request is for the items of one seizure (one inventory) at a time.</source>
        <translation>一次申请只能针对一次查封扣押（一份清单）的物品。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You head no department.</source>
        <translation>您不是任何部门的负责人。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every item of this seizure is released.</source>
        <translation>此次查封扣押的物品已全部退还。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An item is named twice.</source>
        <translation>同一物品被列了两次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A request of this kind is open for these items already.</source>
        <translation>这些物品已有同类申请尚未办结。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No such transfer out.</source>
        <translation>没有此调出记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the recording of the sealing or handover itself (a sealing or search).</source>
        <translation>请关联封存或交接本身的录像（封存或搜查录像）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two or more investigators sign: not fewer than two.</source>
        <translation>须由两名以上调查人员签名，不得少于二人。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Required field not filled in: %1.</source>
        <extracomment>a refusal that names its field: the headline with the field&apos;s name (%1)</extracomment>
        <translation>必填项未填写：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long: %1.</source>
        <translation>内容过长：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters that are not allowed in: %1.</source>
        <translation>含有不允许的字符：%1。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Concerns: %1</source>
        <extracomment>what a message names that reads the same in every language: names in Chinese (with a badge), codes and numbers, times, file paths</extracomment>
        <translation>涉及：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Art. %1</source>
        <translation>第%1条</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(Supervision Law regulations)</source>
        <translation>（《监察法实施条例》）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[%1]</source>
        <translation>【依据%1】</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to the office server broke while the change was being saved; whether it was recorded is not known yet. When the server is back, look the item up before doing it again.</source>
        <translation>保存更改时与办公室服务器的连接中断，尚不清楚更改是否已记录。服务器恢复后，请先查询该项目，再决定是否重做。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection to the office server broke just as the change was saved; Keeper reconnected and found it recorded. Do not do it again.</source>
        <translation>保存更改的同时与办公室服务器的连接中断；系统已重新连接并确认更改已记录。请勿重做。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The office server cannot be reached; nothing was recorded. Check the network and the server; Keeper reconnects by itself: do it again when the server is back.</source>
        <translation>无法连接办公室服务器，未记录任何内容。请检查网络和服务器；系统会自动重新连接，服务器恢复后请重做。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refused.</source>
        <translation>不予办理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the time as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (24-hour).</source>
        <translation>时间格式应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS（24小时制）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database is busy with another counter; nothing was recorded. Try again in a moment.</source>
        <translation>数据库正被其他窗口占用，本次未登记任何内容；请稍后重试。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The disk holding the database is full; nothing was recorded. Free some space, then try again.</source>
        <translation>数据库所在磁盘已满，本次未登记任何内容；请清理空间后重试。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The database cannot be used.</source>
        <translation>数据库无法使用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation>发生错误，未作任何更改。</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../keeper_app/ui/views/register_view.py" line="+100"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Disc code</source>
        <translation>光盘编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person (badge)</source>
        <translation>人员（警号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open (out)</source>
        <translation>未归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed (returned)</source>
        <translation>已归还</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print register pages…</source>
        <translation>打印登记表…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Out</source>
        <translation>调取时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disc</source>
        <translation>光盘编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retriever</source>
        <translation>调取人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>调取人单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>预计使用（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved at</source>
        <translation>批准时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>归还时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspection</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported late</source>
        <translation>逾期报告时间</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
</context>
<context>
    <name>ReproduceDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/reproduce.py" line="+33"/>
        <source>Reproduce the duplicate from the original</source>
        <translation>以正本复制副本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the drive holding the unsealed original</source>
        <translation>放有已启封正本的光驱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the drive with a blank disc</source>
        <translation>放有空白光盘的光驱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shelf of the new duplicate</source>
        <translation>新副本的存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original in drive</source>
        <translation>正本所在光驱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank disc in drive</source>
        <translation>空白光盘所在光驱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The original is read back against its manifest, the new duplicate is burned and read back; nothing is registered unless both match.</source>
        <translation>先按清单回读校验正本，再刻录新副本并回读校验；两者均一致才登记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read back, burn and sign</source>
        <translation>回读、刻录并签名</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Duplicate %1 is in custody; %2 is retired. Reseal the original.</source>
        <translation>副本 %1 已入库保管；%2 已注销。请重新封存正本。</translation>
    </message>
</context>
<context>
    <name>ResealDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/reseal.py" line="+29"/>
        <source>Reseal the original</source>
        <translation>重新封存正本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a new seal: never used before</source>
        <translation>新的封条：编号不得重复使用</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>what was found: required unless intact</source>
        <translation>发现情况：完好以外必须填写</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Closes the use of the original by %1 (register entry #%2).</source>
        <translation>结束 %1 对正本的使用（登记第%2号）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New seal number</source>
        <translation>新封存编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspection of the original</source>
        <translation>正本检查结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was found</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper (seals)</source>
        <translation>保管员（封存人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second sealer</source>
        <translation>第二封存人</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The original is resealed (seal event #%1).</source>
        <translation>正本已重新封存（封存记录第%1号）。</translation>
    </message>
</context>
<context>
    <name>RetrievalDecisionDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/retrieval_decision.py" line="+23"/>
        <source>Approve the retrieval</source>
        <translation>批准调取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse the retrieval</source>
        <translation>不批准调取</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Retrieval request #%1: %2, case %3&lt;br&gt;Retriever: %4 (%5)&lt;br&gt;Reason: %6, %7 h&lt;br&gt;Purpose: %8&lt;br&gt;Requested by %9 at %10</source>
        <translation>调取申请第%1号：%2，案件 %3&lt;br&gt;调取人：%4（%5）&lt;br&gt;事由：%6，%7 小时&lt;br&gt;用途：%8&lt;br&gt;申请人：%9，申请时间：%10</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason for the refusal</source>
        <translation>不予批准的理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve and sign</source>
        <translation>批准并签名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refuse and sign</source>
        <translation>不予批准并签名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retrieval request #%1 approved.</source>
        <translation>第%1号调取申请已批准。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retrieval request #%1 refused.</source>
        <translation>第%1号调取申请未获批准。</translation>
    </message>
</context>
<context>
    <name>RetrievalDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/retrieval.py" line="+33"/>
        <source>Retrieval of the duplicate</source>
        <translation>副本光盘调取登记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask the department head for approval…</source>
        <translation>报部门负责人审批…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The department head signs the approval here</source>
        <translation>部门负责人当场签名批准</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>default: the retriever&apos;s own unit</source>
        <translation>默认：调取人所在单位</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Reason</source>
        <translation>调取事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated usage time</source>
        <translation>预计使用时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose (details)</source>
        <translation>用途说明</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved request</source>
        <translation>已批准的调取申请</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retriever&apos;s unit</source>
        <translation>调取人单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retriever</source>
        <translation>调取人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head (approver)</source>
        <translation>部门负责人（批准人）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>#%1 %2 (%3), %4, %5 h; approved by %6 at %7</source>
        <translation>第%1号 %2（%3），%4，%5 小时；%6 于 %7 批准</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No approved retrieval request for this disc: ask the head of the case&apos;s department for approval first.</source>
        <translation>该光盘没有已批准的调取申请：请先报本案办案部门负责人审批。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Register entry #%1: %2 is out.</source>
        <translation>调取登记第%1号：%2 已调出。</translation>
    </message>
</context>
<context>
    <name>RetrievalRequestDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/retrieval_request.py" line="+21"/>
        <source>Request to retrieve the duplicate</source>
        <translation>申请调取副本光盘</translation>
    </message>
    <message>
        <location line="+17"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retriever</source>
        <translation>调取人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>调取事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated usage time</source>
        <translation>预计使用时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose (details)</source>
        <translation>用途说明</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send to the department head</source>
        <translation>报部门负责人审批</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Retrieval request #%1 sent to the head of the case&apos;s department.</source>
        <translation>第%1号调取申请已报送本案办案部门负责人。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/return_.py" line="+39"/>
        <source>Return with inspection</source>
        <translation>归还验收</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Out with %1 since %2, due back %3 (register #%4)</source>
        <translation>%1 于 %2 调取，应于 %3 前归还（登记第%4号）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Read back %1: %2</source>
        <translation>%1 已回读核对：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No read-back of this disc since it went out: it is recorded as not checked, with the reason (or insert the disc and check every file first).</source>
        <translation>该光盘调出后未做回读核对：将登记为“未校验”，并须写明原因（也可先放入光盘，逐个校验文件）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>why the disc was not read back</source>
        <translation>未回读核对的原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>what was found: required unless intact</source>
        <translation>检查发现的情况：除完好外必须填写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspection</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason not checked</source>
        <translation>未校验原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was found</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Damage, replacement or loss is reported to the head of the case&apos;s department.</source>
        <translation>如有损坏、调换或丢失，将如实登记并报告本案办案部门负责人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Returner</source>
        <translation>归还人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Register entry #%1 closed: returned, %2.</source>
        <translation>登记第%1号已结：已归还，%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An incident was reported to the department head.</source>
        <translation>已向部门负责人报告异常情况。</translation>
    </message>
</context>
<context>
    <name>ReviewSubmissionDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/review_submission.py" line="+24"/>
        <source>Submit the case for review</source>
        <translation>案件报送审核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case %1 %2</source>
        <translation>案件 %1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recordings that go with it</source>
        <translation>随案移送的录音录像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted to</source>
        <translation>报送至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(submitted before)</source>
        <translation>（此前已报送）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A major case goes to review with all its recordings (Art. 4, 22); the due board shows it until they have.</source>
        <translation>重大案件报送审核时应随案移送全部录音录像（第四条、第二十二条）；移送前，待办事项中一直显示。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick the recordings that go with the case.</source>
        <translation>勾选随案移送的录音录像。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Record the submission</source>
        <translation>登记报送</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Case %1 went to review with its recordings.</source>
        <translation>案件 %1 已连同录音录像报送审核。</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-16"/>
        <source>keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case handler</source>
        <translation>办案人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reviewer</source>
        <translation>审核人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>court/procuratorate staff</source>
        <translation>法院/检察院人员</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/roles.py" line="+19"/>
        <source>Roles of %1</source>
        <translation>%1 的岗位</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department head (countersigns)</source>
        <translation>部门负责人（会签）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Roles of %1 saved.</source>
        <translation>%1 的岗位已保存。</translation>
    </message>
</context>
<context>
    <name>SeizedAckDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_actions.py" line="+458"/>
        <source>Acknowledge a report on seized items</source>
        <translation>确认查封扣押物品的报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report #%1: %2, case %3&lt;br&gt;%4&lt;br&gt;Reported by %5 at %6</source>
        <translation>报告 #%1：%2，案件 %3&lt;br&gt;%4&lt;br&gt;报告人 %5，时间 %6</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>what will be done</source>
        <translation>将如何处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Acknowledge and sign</source>
        <translation>确认并签名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Report #%1 acknowledged.</source>
        <translation>报告 #%1 已确认。</translation>
    </message>
</context>
<context>
    <name>SeizedActions</name>
    <message>
        <location line="-418"/>
        <source>Investigator</source>
        <translation>调查人员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Second investigator</source>
        <translation>第二名调查人员</translation>
    </message>
</context>
<context>
    <name>SeizedDecisionDialog</name>
    <message>
        <location line="+341"/>
        <source>Approve a request on seized items</source>
        <translation>批准查封扣押物品的申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse a request on seized items</source>
        <translation>不批准查封扣押物品的申请</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Request #%1: %2, case %3, seizure #%4&lt;br&gt;Reason: %5&lt;br&gt;Asked by %6 at %7</source>
        <translation>申请 #%1：%2，案件 %3，查封扣押 #%4&lt;br&gt;理由：%5&lt;br&gt;申请人 %6，时间 %7</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Extend by %1 days.</source>
        <translation>延长 %1 天。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve and sign</source>
        <translation>批准并签名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refuse and sign</source>
        <translation>不批准并签名</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Request #%1 approved.</source>
        <translation>申请 #%1 已批准。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Request #%1 refused.</source>
        <translation>申请 #%1 未获批准。</translation>
    </message>
</context>
<context>
    <name>SeizedDue</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+169"/>
        <source>register the inventory (20 days)</source>
        <translation>登记清单（20日内）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hand to safekeeping (30 days)</source>
        <translation>移交保管（30日内）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end of the sealing period</source>
        <translation>查封扣押期限届满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>release the unrelated items (3 days)</source>
        <translation>退还无关物品（3日内）</translation>
    </message>
</context>
<context>
    <name>SeizedHistory</name>
    <message>
        <location line="+9"/>
        <source>entered on the inventory</source>
        <translation>录入清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sealed</source>
        <translation>已封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received into safekeeping</source>
        <translation>已接收保管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsealed</source>
        <translation>已启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resealed</source>
        <translation>已重新封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temporarily transferred out</source>
        <translation>临时调出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back from the transfer</source>
        <translation>调用归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation>已退还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsealing requested</source>
        <translation>申请启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer requested</source>
        <translation>申请调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extension requested</source>
        <translation>申请延长期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found unrelated: release asked</source>
        <translation>经查与案件无关：申请退还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incident</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>SeizedIncident</name>
    <message>
        <location line="+3"/>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does not match the inventory</source>
        <translation>与清单不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inventory not registered within 20 days</source>
        <translation>清单未在20日内登记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not handed to safekeeping within 30 days</source>
        <translation>未在30日内移交保管</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sealing period ended without an extension</source>
        <translation>查封扣押期限届满且未延长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unrelated items not released within 3 days</source>
        <translation>无关物品未在3日内退还</translation>
    </message>
</context>
<context>
    <name>SeizedInspectDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_actions.py" line="+43"/>
        <source>Inspection of the register of seized items</source>
        <translation>查封扣押物品登记检查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The periodic inspection of your department&apos;s register of seized items (Art. 261): %1 items are on it. Say what was inspected and found.</source>
        <translation>对本部门查封扣押物品登记的定期检查（第261条）：登记在册 %1 件物品。请说明检查内容和发现的情况。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Items inspected</source>
        <translation>检查的物品数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Inspection #%1 recorded.</source>
        <translation>检查 #%1 已记录。</translation>
    </message>
</context>
<context>
    <name>SeizedIntakeDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_intake.py" line="+68"/>
        <source>Intake of seized storage media</source>
        <extracomment>the items table&apos;s columns: (key, kind of cell) the columns only extracted data fills (Art. 123)</extracomment>
        <translation>查封扣押存储介质登记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The seizure record and its inventory (Art. 128(4)): one row per item seized. Where the original medium could not be seized, choose “electronic data extracted” and say why, where the original is and where the data came from (Art. 123). Two investigators seal and sign.</source>
        <translation>查封扣押记录及其清单（第128条第4项）：每件物品一行。原始存储介质无法扣押的，选择“提取的电子数据”，并注明原因、原始介质所在位置和数据来源（第123条）。由两名调查人员封存并签名。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>e.g. the search record or transcript no.</source>
        <translation>例如搜查笔录或笔录编号</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause of action</source>
        <translation>案由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons concerned</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record (transcript) it belongs to</source>
        <translation>所属笔录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time of the seizure</source>
        <translation>查封扣押时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person in possession</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticating witnesses</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification of sealing no.</source>
        <translation>查封扣押通知书编号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time written on the seals</source>
        <translation>封条上注明的时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording of the sealing</source>
        <translation>封存录像</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kind</source>
        <extracomment>set once the inventory is registered (its sealing may still be refused: then only the sealing is done again)</extracomment>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length or capacity</source>
        <translation>时长或容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File formats</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the copies</source>
        <translation>复制件时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal number</source>
        <translation>封条编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the original could not be seized</source>
        <translation>原始存储介质无法扣押的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the original medium is</source>
        <translation>原始存储介质所在位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source of the data</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add item</source>
        <translation>添加物品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove selected item</source>
        <translation>删除所选物品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Items (inventory)</source>
        <translation>物品（清单）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>required unless the possessor signed: what happened</source>
        <translation>持有人未签名时必填：说明情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The possessor</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Investigator (seals)</source>
        <translation>调查人员（封存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second investigator</source>
        <translation>第二名调查人员</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>#%1 %2 · %3</source>
        <translation>#%1 %2 · %3</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>The inventory is registered as seizure #%1 (%2 items), but not sealed yet: give each item its seal number; the investigators seal and sign.</source>
        <translation>清单已登记为查封扣押 #%1（%2 件物品），但尚未封存：请为每件物品填写封条编号，由调查人员封存并签名。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Seizure #%1 registered and sealed: %2 items.</source>
        <translation>查封扣押 #%1 已登记并封存：%2 件物品。</translation>
    </message>
</context>
<context>
    <name>SeizedReceiveDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_actions.py" line="-440"/>
        <source>Receive seized items into safekeeping</source>
        <translation>接收查封扣押物品保管</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan the tag of every item of the seizure (Art. 130): all of them are received together.</source>
        <translation>逐件扫描此次查封扣押的物品标签（第130条）：全部物品一并接收。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>only when more than 30 days after the seizure</source>
        <translation>仅在查封扣押超过30日后填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason it is late</source>
        <translation>逾期原因</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Investigator handing over</source>
        <translation>移交的调查人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper</source>
        <translation>保管人员</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✔ %1 checked.</source>
        <translation>✔ %1 已核对。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was already checked.</source>
        <translation>%1 已经核对过。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not an item of this seizure.</source>
        <translation>%1 不是此次查封扣押的物品。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Seizure #%1 received into safekeeping.</source>
        <translation>查封扣押 #%1 已接收保管。</translation>
    </message>
</context>
<context>
    <name>SeizedRecordView</name>
    <message>
        <location filename="../../keeper_app/ui/seized_record.py" line="+166"/>
        <source>Temporary transfer out…</source>
        <extracomment>the actions a seized item&apos;s record may offer, in this order &quot;tag&quot;, &quot;tags&quot; (every item of the seizure), &quot;inventory&quot;, &quot;release&quot; (the release notice)</extracomment>
        <translation>临时调出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back from the transfer…</source>
        <translation>调用归还…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive into safekeeping…</source>
        <translation>接收保管…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unseal…</source>
        <translation>启封…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reseal…</source>
        <translation>重新封存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release…</source>
        <translation>退还…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal…</source>
        <translation>封存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request unsealing…</source>
        <translation>申请启封…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request a transfer…</source>
        <translation>申请调用…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request an extension…</source>
        <translation>申请延长期限…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found unrelated…</source>
        <translation>经查与案件无关…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to do with this item in your role.</source>
        <translation>以您的角色，此物品没有可办理的事项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print tag…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag of this item…</source>
        <translation>本物品的标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags of every item of the seizure…</source>
        <translation>此次查封扣押全部物品的标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory of the seizure…</source>
        <translation>查封扣押清单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release notice and release inventory…</source>
        <translation>解除扣押通知书及清单…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inventory of the seizure (Art. 128(4))</source>
        <translation>查封扣押清单（第128条第4项）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seals</source>
        <translation>封条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length or capacity</source>
        <translation>时长或容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File formats</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+7"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Seal event</source>
        <translation>封存事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>Seal number</source>
        <translation>封条编号</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>seized medium</source>
        <translation>查封扣押介质</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seizure</source>
        <translation>查封扣押</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause of action</source>
        <translation>案由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons concerned</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record (transcript)</source>
        <translation>笔录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person in possession</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why the original could not be seized</source>
        <translation>原始存储介质无法扣押的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the original medium is</source>
        <translation>原始存储介质所在位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source of the data</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sealed</source>
        <translation>封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 by %2; the possessor %3</source>
        <translation>%1，由 %2 封存；持有人%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sealing period ends</source>
        <translation>查封扣押期限届满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(extended)</source>
        <translation>（已延长）</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>LATE</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SOON</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>runs</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>SeizedReleaseDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_actions.py" line="+13"/>
        <location line="+1"/>
        <source>Release seized items</source>
        <translation>退还查封扣押物品</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Items found unrelated to the case are given back within three days of the finding (Art. 124, 134): scan the tag of every item released.</source>
        <translation>经查与案件无关的物品，应在查明之日起三日内退还（第124、134条）：请逐件扫描退还物品的标签。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>only when more than 3 days after the finding</source>
        <translation>仅在查明超过3日后填写</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>required unless the possessor signed: what happened</source>
        <translation>持有人未签名时必填：说明情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Given back to</source>
        <translation>退还给</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The possessor</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No approved release: the head of the case&apos;s department decides first.</source>
        <translation>没有已批准的退还：请案件所属部门负责人先作决定。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 items released (release #%2).</source>
        <translation>已退还 %1 件物品（退还 #%2）。</translation>
    </message>
</context>
<context>
    <name>SeizedRequest</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-33"/>
        <source>unsealing</source>
        <translation>启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temporary transfer</source>
        <translation>临时调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extension of the sealing period</source>
        <translation>延长查封扣押期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>release of unrelated items</source>
        <translation>退还无关物品</translation>
    </message>
</context>
<context>
    <name>SeizedRequestDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_actions.py" line="+81"/>
        <source>Request unsealing</source>
        <translation>申请启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request a temporary transfer</source>
        <translation>申请临时调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request an extension of the sealing period</source>
        <translation>申请延长查封扣押期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items found unrelated to the case</source>
        <translation>经查与案件无关的物品</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sealing period ends %1.</source>
        <translation>查封扣押期限于 %1 届满。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What was found</source>
        <translation>查明情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+20"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extend by</source>
        <translation>延长</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send to the head</source>
        <translation>报部门负责人</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Request #%1 sent to the head of the case&apos;s department for approval.</source>
        <translation>申请 #%1 已报案件所属部门负责人审批。</translation>
    </message>
</context>
<context>
    <name>SeizedResealDialog</name>
    <message>
        <location line="-101"/>
        <source>Reseal a seized item</source>
        <translation>重新封存查封扣押物品</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a new seal: never used before</source>
        <translation>新封条：从未使用过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New seal number</source>
        <translation>新封条编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is resealed.</source>
        <translation>%1 已重新封存。</translation>
    </message>
</context>
<context>
    <name>SeizedStatus</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-18"/>
        <source>seized, not yet sealed</source>
        <translation>已扣押，尚未封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sealed, with the investigators</source>
        <translation>已封存，由调查人员持有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in safekeeping</source>
        <translation>保管中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsealed</source>
        <translation>已启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temporarily transferred out</source>
        <translation>临时调出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation>已退还</translation>
    </message>
</context>
<context>
    <name>SeizedTools</name>
    <message>
        <location filename="../../keeper_app/ui/seized_tools.py" line="+99"/>
        <source>Seized items…</source>
        <extracomment>the investigators&apos; requests to the head, from a seized item&apos;s record</extracomment>
        <translation>查封扣押物品…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary transfer out…</source>
        <translation>临时调出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back from a temporary transfer…</source>
        <translation>临时调用归还…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect the register…</source>
        <translation>检查登记…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Not at the counter yet: use the command line (keeper seized …).</source>
        <translation>此项暂不能在柜台办理：请使用命令行（keeper seized …）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No approved release of this item: nothing to print yet.</source>
        <translation>该物品没有已批准的解除扣押：暂无可打印的文书。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Release #%1</source>
        <translation>解除扣押 #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The items are released. Print the release notice and the release inventory for the person in possession to sign now?</source>
        <translation>物品已解除扣押并退还。现在打印解除扣押通知书和解除查封/扣押财物、文件清单，交持有人签名吗？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Seizure #%1</source>
        <translation>查封扣押 #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The seizure is registered and sealed. Print the items&apos; tags and the inventory now?</source>
        <translation>查封扣押已登记并封存。现在打印物品标签和清单吗？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>SeizedTransferDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_transfer.py" line="+51"/>
        <source>Temporary transfer of seized items: out</source>
        <translation>查封扣押物品临时调用：调出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporary transfer of seized items: back</source>
        <translation>查封扣押物品临时调用：归还</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The keeper and the investigator check the inventory in person (Art. 131): scan the tag of every item — the first scan finds the transfer. The handover is video-recorded: choose its recording.</source>
        <translation>保管人员和调查人员当面核对清单（第131条）：逐件扫描物品标签——第一次扫描即找到该次调用。交接过程全程录像：请选择其录像。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>scan each tag, or type its code and press Enter</source>
        <translation>逐件扫描标签，或输入编号后按回车</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved transfer</source>
        <translation>已批准的调用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transfer out</source>
        <translation>调出记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording of the handover</source>
        <translation>交接录像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scans that ticked nothing</source>
        <translation>未核对上的扫描</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not every item was scanned: state what does not match. The items not scanned are recorded missing and the head of the case&apos;s department is told.</source>
        <translation>并非所有物品都已扫描：请说明不符情况。未扫描的物品将登记为缺失，并报告案件所属部门负责人。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>what is damaged on the selected item</source>
        <translation>所选物品的损坏情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the selected item damaged</source>
        <translation>将所选物品登记为损坏</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keeper</source>
        <translation>保管人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigator</source>
        <translation>调查人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the tag of any item of the transfer.</source>
        <translation>请扫描该次调用中任一物品的标签。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has no transfer approved by the head of the case&apos;s department: the investigator asks for one first.</source>
        <translation>%1 没有经案件所属部门负责人批准的调用：请调查人员先提出申请。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not out on a temporary transfer.</source>
        <translation>%1 未被临时调出。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>#%1 · case %2 · seizure #%3 · %4 items · %5</source>
        <translation>#%1 · 案件 %2 · 查封扣押 #%3 · %4 件物品 · %5</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>#%1 %2 · %3</source>
        <translation>#%1 %2 · %3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>✔ %1 checked; %2 still to scan.</source>
        <translation>✔ %1 已核对；还有 %2 件待扫描。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>malformed code</source>
        <translation>编号格式错误</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>scanned twice</source>
        <translation>重复扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was already checked.</source>
        <translation>%1 已经核对过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not in this transfer</source>
        <translation>不属于本次调用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not in this transfer: it stays where it is.</source>
        <translation>%1 不属于本次调用：原地保留。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select an item checked back and say what is damaged on it.</source>
        <translation>请选择一件已核对归还的物品，并说明其损坏情况。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not checked back: scan it first.</source>
        <translation>%1 尚未核对归还：请先扫描。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✔ damaged: %1</source>
        <translation>✔ 损坏：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 recorded damaged: %2</source>
        <translation>%1 已登记为损坏：%2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Transfer #%1 registered: %2 items out.</source>
        <translation>调用 #%1 已登记：调出 %2 件物品。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Return #%1 registered: every item is back, %2 damaged — reported to the head of the case&apos;s department.</source>
        <translation>归还 #%1 已登记：全部物品已归还，其中 %2 件损坏——已报告案件所属部门负责人。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return #%1 registered: %2 items back, %3 missing — reported to the head of the case&apos;s department.</source>
        <translation>归还 #%1 已登记：归还 %2 件，缺失 %3 件——已报告案件所属部门负责人。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Return #%1 registered: every item is back.</source>
        <translation>归还 #%1 已登记：全部物品已归还。</translation>
    </message>
</context>
<context>
    <name>SeizedUnsealDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_actions.py" line="-61"/>
        <source>Unseal a seized item</source>
        <translation>启封查封扣押物品</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No approved unsealing request: the investigator asks first.</source>
        <translation>没有已批准的启封申请：请调查人员先提出申请。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Under request #%1, approved: %2</source>
        <translation>依据已批准的申请 #%1：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is unsealed; reseal it after use.</source>
        <translation>%1 已启封；使用后请重新封存。</translation>
    </message>
</context>
<context>
    <name>SeizedView</name>
    <message>
        <location filename="../../keeper_app/ui/views/seized_view.py" line="+83"/>
        <location line="+13"/>
        <source>Case</source>
        <extracomment>the inspections of the register (Art. 261), for those who read the register</extracomment>
        <translation>案件</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+11"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seizure</source>
        <translation>查封扣押</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seized</source>
        <translation>查封扣押时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal</source>
        <translation>封条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inspections of the register (Art. 261)</source>
        <translation>登记资料检查记录（第二百六十一条）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected by</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items checked</source>
        <translation>检查件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>检查情况</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 shown</source>
        <translation>显示 %1 条</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../keeper_app/ui/settings.py" line="+21"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock after idle (seconds)</source>
        <translation>无操作自动锁定（秒）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner: most ms between characters</source>
        <translation>扫描枪：字符最大间隔（毫秒）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner: shortest code</source>
        <translation>扫描枪：最短编码长度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner prefix</source>
        <translation>扫描枪前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner suffix</source>
        <translation>扫描枪后缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sounds at the counter</source>
        <translation>柜台提示音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows fetched at a time in lists</source>
        <translation>列表每次加载行数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Office server</source>
        <extracomment>the office server this desk works on (a postgresql:// URL without password: that goes in ~/.pgpass); empty: the database file on this computer. Used when Keeper is started without --db and without $KEEPER_DB; takes effect at the next start.</extracomment>
        <translation>办公室服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save PDFs in</source>
        <translation>PDF 保存位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups to keep</source>
        <translation>保留备份份数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up every (hours)</source>
        <translation>备份间隔（小时）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/settings_dialog.py" line="+82"/>
        <source>Settings</source>
        <extracomment>what the scanner check in Settings shows and expects back</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after idle</source>
        <translation>无操作后锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: the database file on this computer</source>
        <translation>留空：使用本机的数据库文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The office server&apos;s address, e.g. postgresql://keeper_app@server/keeper. The password goes in ~/.pgpass, never here. Used from the next start.</source>
        <translation>办公室服务器地址，例如 postgresql://keeper_app@server/keeper。密码写在 ~/.pgpass 中，不要写在这里。下次启动时生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try it</source>
        <translation>试连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to this office server now, as this computer will at its next start</source>
        <translation>现在按本机下次启动时的方式连接该办公室服务器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Office server</source>
        <translation>办公室服务器</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Print calibration sheet…</source>
        <translation>打印校准页…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibrate printer</source>
        <translation>校准打印机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It prints too far right / down by</source>
        <translation>打印偏右 / 偏下</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off (another computer backs up)</source>
        <translation>关闭（由其他电脑备份）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheduled backups</source>
        <translation>定时备份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies to keep</source>
        <translation>保留份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up every</source>
        <translation>备份间隔</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Sounds for accepted, refused and repeated scans</source>
        <translation>扫描成功、被拒绝和重复扫描时发出不同提示音</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan this test code to check the scanner.</source>
        <translation>请扫描此测试条码，检查扫描枪是否被正确识别。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Barcode scanner</source>
        <translation>条码扫描枪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prefix the scanner sends (optional)</source>
        <translation>扫描枪发送的前缀（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suffix before Enter (optional)</source>
        <translation>回车前的后缀（可选）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test code</source>
        <translation>测试条码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✔ The scanner works: the test code was recognised as a scan.</source>
        <translation>✔ 扫描枪工作正常：测试条码已被识别为扫描。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✖ Read “%1”, not the test code: check the prefix and suffix.</source>
        <translation>✖ 读到的是“%1”，不是测试条码：请检查前缀和后缀设置。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No office server: this computer works on its own database file.</source>
        <translation>未设办公室服务器：本机使用自己的数据库文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connecting to the office server…</source>
        <translation>正在连接办公室服务器…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✔ Connected to %1: the register of %2, %3 events, the last %4. Save to work on it from the next start.</source>
        <translation>✔ 已连接 %1：%2 的登记册，共 %3 条记录，最后一条 %4。保存后，本机下次启动时即使用该服务器。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>✖ Nothing answers at this address: check the server&apos;s name or address, the network, and that the server is running.</source>
        <translation>✖ 该地址无应答：请检查服务器名称或地址、网络，以及服务器是否在运行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✖ The server answered but refused this computer: check the user and the database in the address, and the password in ~/.pgpass, with the server&apos;s administrator.</source>
        <translation>✖ 服务器有应答，但拒绝了本机：请与服务器管理员核对地址中的用户名和数据库名，以及 ~/.pgpass 中的密码。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The backup folder must be a full path, starting with /.</source>
        <translation>备份文件夹必须是以 / 开头的完整路径。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The office server&apos;s address begins with postgresql://</source>
        <translation>办公室服务器地址须以 postgresql:// 开头</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The office server&apos;s address is not a valid address</source>
        <translation>办公室服务器地址格式不正确</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not put the password in the address: settings are not secret. Put it in ~/.pgpass (mode 0600).</source>
        <translation>不要把密码写在地址中：设置不是保密的。请把密码写在 ~/.pgpass（权限 0600）中。</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../keeper_app/ui/signin.py" line="+117"/>
        <source>Keeper — sign in</source>
        <translation>讯问录音录像资料保管系统 — 登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrogation recordings: custody</source>
        <translation>讯问录音录像资料保管</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scan your badge or type your badge number, then your password.</source>
        <translation>请刷警官证或输入警号，再输入密码。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Badge</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose your password</source>
        <translation>设置您的密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First sign-in: your badge, the enrolment code the administrator gave you, and a password of your own (twice). Your signing key is made now.</source>
        <translation>首次登录：输入警号、管理员给您的登记码，并自行设置密码（输入两次）。您的签名密钥将在此时生成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enrol and sign in</source>
        <translation>登记并登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to signing in with a password</source>
        <translation>返回密码登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First sign-in with an enrolment code…</source>
        <translation>使用登记码首次登录…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Checking the database before use…</source>
        <translation>正在检查数据库完整性，请稍候；可先填写警号和密码…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A disc was scanned (%1): sign in first, then scan it again.</source>
        <translation>扫描到光盘（%1）：请先登录，再重新扫描。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+11"/>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/signature_dialog.py" line="+55"/>
        <source>Signature: %1</source>
        <translation>签名：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan your badge or pick your name, then type your own password. Nobody may sign for another person.</source>
        <translation>请刷警官证或选择本人姓名，再输入本人密码。任何人不得代替他人签名。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the signer&apos;s own password</source>
        <translation>签名人本人的密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also draw a handwritten signature</source>
        <translation>同时手写签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear drawing</source>
        <translation>清除手写</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Badge</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Checking the password…</source>
        <translation>正在核验密码…</translation>
    </message>
</context>
<context>
    <name>SignersBox</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/signers.py" line="+37"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+40"/>
        <source>Sign…</source>
        <translation>签名…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>not signed yet</source>
        <translation>尚未签名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (with drawn signature)</source>
        <translation>（含手写签名）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign again…</source>
        <translation>重新签名…</translation>
    </message>
</context>
<context>
    <name>SpotCheckDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/spot_check.py" line="+100"/>
        <source>Checker (you)</source>
        <extracomment>the report of this spot check is to be printed (its id)</extracomment>
        <translation>抽查人（本人）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Spot check</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample size (0: by rule, ⌈√n⌉, at least 3, at most 20)</source>
        <translation>样本量（0：按规则，⌈√n⌉，至少 3，至多 20）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a sample</source>
        <translation>抽取样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the drawn disc</source>
        <translation>扫描抽中的光盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scan, or type a code and press Enter</source>
        <translation>扫描，或输入编号后按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>光驱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only if discs are left unchecked: why</source>
        <translation>仅在有光盘未核对时填写：原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the spot check</source>
        <translation>结束抽查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read back and sign</source>
        <translation>回读核对并签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#</source>
        <translation>序</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>核对结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>核对人</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not checked</source>
        <translation>未核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matches the manifest</source>
        <translation>与清单一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOES NOT MATCH — reported</source>
        <translation>与清单不符——已报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UNREADABLE — reported</source>
        <translation>无法读取——已报告</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No spot check is open. A keeper draws a sample of the duplicates on the shelf; nobody picks it: it is drawn from the audit chain&apos;s head.</source>
        <translation>当前没有进行中的抽查。由保管员从在库复制件中抽取样本；样本不由任何人挑选，而以审计链链头为种子抽取。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spot check &lt;b&gt;#%1&lt;/b&gt;, drawn %2 by %3 from the chain&apos;s head (event %4, &lt;tt&gt;%5…&lt;/tt&gt;): %6 of %7 duplicates in custody.</source>
        <translation>抽查 &lt;b&gt;#%1&lt;/b&gt;，%2 由 %3 以审计链链头（事件 %4，&lt;tt&gt;%5…&lt;/tt&gt;）抽取：在库复制件 %7 张中抽取 %6 张。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Closed %1 by %2: &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>%1 由 %2 结束：&lt;b&gt;%3&lt;/b&gt;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan each drawn disc, put it in the drive, sign, and read it back.</source>
        <translation>逐张扫描抽中的光盘，放入光驱，签名后回读核对。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>every disc matches</source>
        <translation>全部一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>findings reported</source>
        <translation>发现问题，已报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incomplete</source>
        <translation>未全部核对</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 was not drawn.</source>
        <translation>%1 不在本次抽中的光盘之列。</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+14"/>
        <source>Sign first: your signature signs the outcome.</source>
        <translation>请先签名：核对结果以您的签名确认。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the disc back, checking every file… %1%</source>
        <translation>正在回读光盘，逐个核对文件… %1%</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Spot check #%1 drawn.</source>
        <translation>已抽取抽查 #%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The disc is marked damaged; its department head is told.</source>
        <translation>该光盘已标记为损坏，并已报告其办案部门负责人。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spot check #%1 closed: %2.</source>
        <translation>抽查 #%1 已结束：%2。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-221"/>
        <source>burned, not handed over</source>
        <translation>已刻录待移交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sealed</source>
        <translation>已封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsealed</source>
        <translation>已启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in custody</source>
        <translation>在库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out</source>
        <translation>已调出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replaced</source>
        <translation>被调换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>archived</source>
        <translation>已移交档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retired, replaced by a reproduction</source>
        <translation>已注销（已由复制件替代）</translation>
    </message>
</context>
<context>
    <name>StorageDevicesDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/storage_devices.py" line="+21"/>
        <source>Storage devices</source>
        <translation>存储设备</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>storage</source>
        <translation>专门存储</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+28"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Keeper</source>
        <translation>保管人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A new label registers a device; an existing one records where it is now (and its keeper, when a badge is given).</source>
        <translation>新标签即登记新设备；已有标签则登记其现存放位置（填写警号时同时变更保管人）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device label</source>
        <translation>设备标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role (new device)</source>
        <translation>用途（新设备）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keeper&apos;s badge</source>
        <translation>保管人警号</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Register or move</source>
        <translation>登记或移存</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Storage device %1 is now at %2.</source>
        <translation>存储设备 %1 现存放于 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storage device %1 registered at %2.</source>
        <translation>存储设备 %1 已登记，存放于 %2。</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/record_summary.py" line="+17"/>
        <source>Case %1 %2</source>
        <translation>案件 %1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person interrogated: %1</source>
        <translation>被讯问人：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shelf location: %1</source>
        <translation>存放位置：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seal number: %1</source>
        <translation>封存编号：%1</translation>
    </message>
    <message>
        <location filename="../../keeper_app/ui/dialogs/seized_actions.py" line="-252"/>
        <source>Case %1 %2 · seizure #%3</source>
        <translation>案件 %1 %2 · 查封扣押 #%3</translation>
    </message>
</context>
<context>
    <name>TagChecklist</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/tag_checklist.py" line="+61"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checked</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>not yet</source>
        <translation>未核对</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Expected %1 · checked %2 · not yet %3</source>
        <translation>应有 %1 · 已核对 %2 · 未核对 %3</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/task_base.py" line="+90"/>
        <source>Progress</source>
        <extracomment>from the worker thread (queued to the GUI): a Progress, or (&quot;space&quot;, figures) etc. the job ended: (ok, text for the main window&apos;s status bar) the dialog was hidden while its job goes on</extracomment>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>TransferPackageDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/transfer_package.py" line="+34"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Write transfer package</source>
        <translation>写移交包</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose a folder (e.g. a USB disk)</source>
        <translation>选择文件夹（如U盘）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder for the transfer package (e.g. a USB disk)</source>
        <translation>移交包的文件夹（如U盘）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recordings from</source>
        <translation>录像取自</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper&apos;s storage</source>
        <translation>Keeper 存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of the mounted duplicate</source>
        <translation>已挂载复制件光盘的文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Transfer package of %1 written to %2 (top-level hash %3).</source>
        <translation>%1 的移交包已写入 %2（顶层哈希 %3）。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/unlock.py" line="+18"/>
        <source>Unlock %1</source>
        <translation>解除锁定：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department head (countersigns)</source>
        <translation>部门负责人（会签）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 unlocked.</source>
        <translation>%1 已解除锁定。</translation>
    </message>
</context>
<context>
    <name>UnsealDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/unseal.py" line="+21"/>
        <source>Unseal the original</source>
        <translation>启封正本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#%1 approved — %2, requested %3</source>
        <translation>第%1号已批准 — %2，申请时间 %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No approved request for this disc: ask the head of the case&apos;s department first.</source>
        <translation>这张光盘没有已批准的启封申请，请先报本案办案部门负责人审批。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated use of the original</source>
        <translation>正本预计使用时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The original is unsealed (seal event #%1); reseal it promptly after use.</source>
        <translation>正本已启封（封存记录第%1号）；使用完毕后请及时重新封存。</translation>
    </message>
</context>
<context>
    <name>UnsealReason</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+19"/>
        <source>reproduce a damaged or lost duplicate</source>
        <translation>副本损坏或丢失，需要复制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>check a duplicate in doubt</source>
        <translation>副本真实性存疑，需要核对</translation>
    </message>
</context>
<context>
    <name>UnsealRequestDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/unseal_request.py" line="+21"/>
        <source>Request to unseal the original</source>
        <translation>申请启封正本</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>name and unit of who doubts the duplicate</source>
        <translation>对副本提出异议者的姓名及单位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>why the duplicate&apos;s authenticity is in doubt</source>
        <translation>怀疑副本真实性的理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>启封事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doubted by</source>
        <translation>异议提出人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why in doubt</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send to the department head</source>
        <translation>报部门负责人审批</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Request #%1 sent to the head of the case&apos;s department.</source>
        <translation>第%1号申请已报送本案办案部门负责人。</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+9"/>
        <source>not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matches the manifest</source>
        <translation>与文件清单一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does not match the manifest</source>
        <translation>与文件清单不一致</translation>
    </message>
</context>
<context>
    <name>WindowExtras</name>
    <message>
        <location filename="../../keeper_app/ui/window_extras.py" line="+73"/>
        <location line="+131"/>
        <source>Inventory…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+121"/>
        <source>Daily checkpoint…</source>
        <translation>每日检查点…</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>The handover is registered. Print the handover receipt?</source>
        <translation>移交已登记。现在打印移交回执吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The transfer is registered. Print the transfer list?</source>
        <translation>移送已登记。现在打印移送清单吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The archive handover is registered. Print the archive handover list?</source>
        <translation>归档移交已登记。现在打印归档移交清单吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your password and signing key are changed. Print your new key form, to sign with the administrator?</source>
        <translation>您的密码和签名密钥已更改。现在打印新的密钥登记表，与系统管理员一同签字吗？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>You are enrolled and your signing key is made. Print your key form now, to sign with the administrator?</source>
        <translation>登记完成，您的签名密钥已生成。现在打印密钥登记表，与系统管理员一同签字吗？</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Export the checkpoint file into</source>
        <translation>将检查点文件导出到</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Checkpoint file exported: %1</source>
        <translation>检查点文件已导出：%1</translation>
    </message>
</context>
<context>
    <name>Witness</name>
    <message>
        <location filename="../../keeper_app/ui/witness.py" line="+23"/>
        <source>This disc&apos;s history (event %1) is on the register&apos;s chain.</source>
        <translation>本光盘见证的历史（第%1号事件）在登记簿的审计链上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This printout&apos;s history (event %1) is on the register&apos;s chain.</source>
        <translation>本打印件见证的历史（第%1号事件）在登记簿的审计链上。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This disc</source>
        <translation>本光盘</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This printout</source>
        <translation>本打印件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History truncated or rolled back: %1 saw event %2, but the register&apos;s chain ends at event %3.</source>
        <translation>历史被截断或回滚：%1见证了第%2号事件，但登记簿的审计链止于第%3号事件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>History rewritten: %1 saw event %2 with another hash than the register&apos;s chain.</source>
        <translation>历史被改写：%1见证的第%2号事件，其哈希与登记簿审计链上的不同。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 carries a head that cannot be read.</source>
        <translation>%1所载的审计链头无法读取。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No head witnessed on this disc (burned before heads were witnessed).</source>
        <translation>本光盘未载有审计链头（刻录于启用链头见证之前）。</translation>
    </message>
</context>
<context>
    <name>WorkflowDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/base.py" line="+99"/>
        <source>Register and sign</source>
        <extracomment>emitted with the confirmation text after the service accepted the entry</extracomment>
        <translation>登记并签名</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Registered.</source>
        <translation>已登记。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still to sign: %1</source>
        <translation>尚待签名：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registering…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Scanned %1: finish or cancel this form first.</source>
        <translation>扫描到 %1：请先完成或取消当前表单。</translation>
    </message>
</context>
</TS>
