<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Action</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+107" />
        <source>Handover…</source>
        <translation>移交登记…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retrieve…</source>
        <translation>调取登记…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return…</source>
        <translation>归还验收…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Request unsealing…</source>
        <translation>申请启封…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unseal…</source>
        <translation>启封…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reseal…</source>
        <translation>重新封存…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transfer to court…</source>
        <translation>移送法院/检察院…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Archive handover…</source>
        <translation>移交档案部门…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move…</source>
        <translation>变更存放位置…</translation>
    </message>
</context>
<context>
    <name>ApprovalDecisionDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/approval_decision.py" line="+22" />
        <source>Approve opening the original</source>
        <translation>批准启封正本</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refuse opening the original</source>
        <translation>不批准启封正本</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Request #%1: %2, case %3&lt;br&gt;Reason: %4&lt;br&gt;Requested by %5 at %6</source>
        <translation>申请第%1号：%2，案件 %3&lt;br&gt;事由：%4&lt;br&gt;申请人：%5，申请时间：%6</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Approve and sign</source>
        <translation>批准并签名</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Refuse and sign</source>
        <translation>不予批准并签名</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Request #%1 approved.</source>
        <translation>第%1号申请已批准。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Request #%1 refused.</source>
        <translation>第%1号申请未获批准。</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/archive.py" line="+25" />
        <source>Archive handover</source>
        <translation>移交档案部门</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Case %1: scan every disc still held for the case. The list shows what is expected and what is still missing.</source>
        <translation>案件 %1：请逐张扫描本案仍在保管中的光盘。下表列出应移交的光盘及尚未扫描的光盘。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>scan, or type a code and press Enter</source>
        <translation>扫描条码，或输入编号后按回车</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy</source>
        <translation>正副本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Keeper</source>
        <translation>保管员（移交人）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receiver (archives department)</source>
        <translation>接收人（档案部门）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Hand over and sign</source>
        <translation>移交并签名</translation>
    </message>
    <message>
        <location line="+9" />
        <source>missing</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <location line="+0" />
        <source>not held</source>
        <translation>不在库</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Expected %1 · scanned %2 · still missing %3</source>
        <translation>应移交 %1 · 已扫描 %2 · 尚缺 %3</translation>
    </message>
    <message>
        <location line="+21" />
        <source>%1 was already scanned.</source>
        <translation>%1 已扫描过。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is not a disc of case %2.</source>
        <translation>%1 不是案件 %2 的光盘。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is %3: it is not held for the handover.</source>
        <translation>%1 当前状态为“%3”，不在本次移交范围内。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 scanned; %2 still missing.</source>
        <translation>已扫描 %1；尚缺 %2 张。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Archive handover #%1: case %2 and %3 media to the archives.</source>
        <translation>档案移交第%1号：案件 %2 共 %3 件介质已移交档案部门。</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-83" />
        <source>open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+1" />
        <source>concluded</source>
        <translation>侦查终结</translation>
    </message>
    <message>
        <location line="+1" />
        <source>archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../keeper_app/ui/views/cases_view.py" line="+74" />
        <source>Show its media</source>
        <extracomment>(action, case row): the main window opens the dialog</extracomment>
        <translation>查看该案介质</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court/procuratorate request…</source>
        <translation>登记法院/检察院调取…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conclude investigation…</source>
        <translation>侦查终结…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Archive handover…</source>
        <translation>移交档案部门…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Major case</source>
        <translation>重大案件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>办案部门</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Media</source>
        <translation>介质数</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Choose a case first.</source>
        <translation>请先选择一个案件。</translation>
    </message>
</context>
<context>
    <name>ConcludeCaseDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/conclude_case.py" line="+20" />
        <source>Conclude the investigation</source>
        <translation>侦查终结</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case %1 %2</source>
        <translation>案件 %1 %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Conclude</source>
        <translation>确认侦查终结</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Case %1 is concluded.</source>
        <translation>案件 %1 已侦查终结。</translation>
    </message>
</context>
<context>
    <name>CopyRole</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-7" />
        <source>original</source>
        <translation>正本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>duplicate</source>
        <translation>副本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>hard-drive volume</source>
        <translation>硬盘存储卷</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <location filename="../../keeper_app/ui/counter.py" line="+78" />
        <source>Disc code</source>
        <translation>光盘编号</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Scan anywhere in this window, or type the code from a damaged label and press Enter</source>
        <translation>在本窗口任意位置扫描条码；标签破损时可在此输入编号后按回车</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recent scans</source>
        <translation>最近扫描</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Scanned the same disc twice in a row: %1</source>
        <translation>同一张光盘连续扫描了两次：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✔ Scanned %1</source>
        <translation>✔ 已识别 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>twice in a row</source>
        <translation>连续两次扫描</translation>
    </message>
</context>
<context>
    <name>CourtRequestDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/court_request.py" line="+20" />
        <source>Court or procuratorate request</source>
        <translation>法院/检察院调取登记</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Requested by</source>
        <translation>调取机关</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name of the court or procuratorate</source>
        <translation>法院/检察院名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Document number</source>
        <translation>调取文书编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time of the request</source>
        <translation>调取时间</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Request #%1 registered; the duplicate is due within 3 days.</source>
        <translation>第%1号调取已登记；须在三日内移送副本光盘。</translation>
    </message>
</context>
<context>
    <name>CourtTransferDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/court_transfer.py" line="+20" />
        <source>Transfer to a court or procuratorate</source>
        <translation>向法院/检察院移送副本</translation>
    </message>
    <message>
        <location line="+7" />
        <source>#%1 %2 %3, document %4, requested %5</source>
        <translation>第%1号 %2 %3，文书 %4，调取时间 %5</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No open request for this case: register the court's or procuratorate's request first.</source>
        <translation>本案没有待办理的调取，请先登记法院或检察院的调取。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Request</source>
        <translation>调取登记</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Recipient (court/procuratorate)</source>
        <translation>接收人（法院/检察院）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Transfer #%1: %2 handed over.</source>
        <translation>移送第%1号：%2 已移交。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../keeper_app/ui/crash.py" line="+44" />
        <source>Keeper: unexpected error</source>
        <translation>讯问录音录像保管：意外错误</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Something unexpected went wrong. Whatever was being registered was either saved completely or not at all. Details are in the log:
%1</source>
        <translation>程序发生意外错误。正在登记的内容要么已完整保存，要么完全未保存，不会只保存一半。详细信息见日志：
%1</translation>
    </message>
</context>
<context>
    <name>DueKind</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+54" />
        <source>hand over to the keeper</source>
        <translation>移交保管员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>return</source>
        <translation>归还</translation>
    </message>
    <message>
        <location line="+1" />
        <source>transfer to court/procuratorate</source>
        <translation>移送法院/检察院</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reseal the original</source>
        <translation>重新封存正本</translation>
    </message>
</context>
<context>
    <name>DueView</name>
    <message>
        <location filename="../../keeper_app/ui/views/due_view.py" line="+68" />
        <source>LATE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+0" />
        <source>soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry</source>
        <translation>登记号</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%1 late · %2 due</source>
        <translation>逾期 %1 项 · 待办 %2 项</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/handover.py" line="+20" />
        <source>Handover of a new pair</source>
        <translation>新刻录光盘移交登记</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The other disc of the pair: %1</source>
        <translation>同组另一张光盘：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>number printed on the seal bag</source>
        <translation>封存袋上印制的编号</translation>
    </message>
    <message>
        <location line="+4" />
        <source>only if more than 24 h after burning</source>
        <translation>仅在刻录后超过24小时移交时填写</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Seal number (original)</source>
        <translation>封存编号（正本）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelf location of the original</source>
        <translation>正本存放位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelf location of the duplicate</source>
        <translation>副本存放位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason for a late handover</source>
        <translation>逾期移交原因</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case handler (hands over)</source>
        <translation>办案人员（移交人）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keeper (receives)</source>
        <translation>保管员（接收人）</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Handover #%1 registered: the original is sealed, the duplicate is on the shelf.</source>
        <translation>移交第%1号已登记：正本已封存，副本已入库上架。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+3" />
        <source>handover</source>
        <translation>移交</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sealed</source>
        <translation>封存</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unsealed</source>
        <translation>启封</translation>
    </message>
    <message>
        <location line="+1" />
        <source>resealed</source>
        <translation>重新封存</translation>
    </message>
    <message>
        <location line="+1" />
        <source>retrieved</source>
        <translation>调取</translation>
    </message>
    <message>
        <location line="+1" />
        <source>returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <location line="+1" />
        <source>incident</source>
        <translation>异常事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>transferred</source>
        <translation>移送</translation>
    </message>
    <message>
        <location line="+1" />
        <source>moved</source>
        <translation>变更存放位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>correction</source>
        <translation>更正</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../keeper_app/ui/views/inbox_view.py" line="+84" />
        <source>Acknowledge…</source>
        <extracomment>("ack", incident) / ("approve" | "refuse", approval): the main window opens the dialog</extracomment>
        <translation>签收…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refuse…</source>
        <translation>不予批准…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+4" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+10" />
        <source>Disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+10" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What was found</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Requested by</source>
        <translation>调取机关</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Incidents to acknowledge (%1)</source>
        <translation>待签收的异常情况报告（%1）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Requests to open an original (%1)</source>
        <translation>待审批的正本启封申请（%1）</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Nothing waiting.</source>
        <translation>没有待办事项。</translation>
    </message>
</context>
<context>
    <name>Incident</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+3" />
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+1" />
        <source>replaced</source>
        <translation>被调换</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location line="+1" />
        <source>late handover</source>
        <translation>逾期移交</translation>
    </message>
</context>
<context>
    <name>IncidentAckDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/incident_ack.py" line="+19" />
        <source>Acknowledge an incident</source>
        <translation>签收异常情况报告</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Incident #%1: %2 — %3, case %4&lt;br&gt;%5&lt;br&gt;Reported by %6 at %7</source>
        <translation>异常情况第%1号：%2 — %3，案件 %4&lt;br&gt;%5&lt;br&gt;报告人：%6，报告时间：%7</translation>
    </message>
    <message>
        <location line="+10" />
        <source>what will be done</source>
        <translation>拟采取的处理措施</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Acknowledge and sign</source>
        <translation>签收并签名</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Incident #%1 acknowledged.</source>
        <translation>异常情况第%1号已签收。</translation>
    </message>
</context>
<context>
    <name>Inspection</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-55" />
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+1" />
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location line="+1" />
        <source>replaced</source>
        <translation>被调换</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lost</source>
        <translation>丢失</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location line="+100" />
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/location.py" line="+18" />
        <source>Move to another shelf location</source>
        <translation>变更存放位置</translation>
    </message>
    <message>
        <location line="+4" />
        <source>New shelf location</source>
        <translation>新的存放位置</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Move</source>
        <translation>变更</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 moved to %2.</source>
        <translation>%1 已移至 %2。</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../keeper_app/ui/lock.py" line="+55" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed in: %1 (%2). Type your password to continue.</source>
        <translation>当前登录：%1（%2）。请输入密码继续。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign out (another person)</source>
        <translation>退出登录（换人使用）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../keeper_app/ui/main_window.py" line="+164" />
        <source>Keeper — custody of interrogation recordings</source>
        <translation>讯问录音录像资料保管系统</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interrogation recordings: custody</source>
        <translation>讯问录音录像资料保管</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed in: %1 (%2) · %3</source>
        <translation>当前登录：%1（%2）· %3</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your role has nothing to do in this application.</source>
        <translation>您的岗位在本系统中没有可办理的事项。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Media</source>
        <translation>介质</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retrieval register</source>
        <translation>调取登记簿</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keeper</source>
        <translation>讯问录音录像保管</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Due and late</source>
        <translation>到期与逾期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Inbox</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Locked: unlock before scanning.</source>
        <translation>已锁定：请先解锁再扫描。</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <location filename="../../keeper_app/ui/views/media_view.py" line="+77" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+13" />
        <source>Copy</source>
        <translation>正副本</translation>
    </message>
    <message>
        <location line="-12" />
        <location line="+12" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-11" />
        <location line="+11" />
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Person interrogated</source>
        <translation>被讯问人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelf location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Seal</source>
        <translation>封存编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+7" />
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+29" />
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 shown</source>
        <translation>已显示 %1 条</translation>
    </message>
    <message>
        <location line="+1" />
        <source>, more as you scroll</source>
        <translation>，向下滚动加载更多</translation>
    </message>
</context>
<context>
    <name>Org</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-92" />
        <source>people's court</source>
        <translation>人民法院</translation>
    </message>
    <message>
        <location line="+1" />
        <source>people's procuratorate</source>
        <translation>人民检察院</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../keeper_app/ui/views/people_view.py" line="+65" />
        <source>Add a person…</source>
        <extracomment>("add", None) / ("roles", person row)</extracomment>
        <translation>新增人员…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change roles…</source>
        <translation>修改岗位…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deactivate / reactivate</source>
        <translation>停用/启用</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Badge</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court/procuratorate</source>
        <translation>法院/检察院</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Choose a person first.</source>
        <translation>请先选择一名人员。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1 reactivated.</source>
        <translation>%1 已重新启用。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 deactivated.</source>
        <translation>%1 已停用。</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/person.py" line="+21" />
        <source>Add a person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location line="+10" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>court/procuratorate staff only</source>
        <translation>仅法院/检察院人员填写</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Court or procuratorate</source>
        <translation>所在法院/检察院</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+21" />
        <source>%1 added.</source>
        <translation>已新增 %1。</translation>
    </message>
</context>
<context>
    <name>PersonRole</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+11" />
        <source>suspect</source>
        <translation>犯罪嫌疑人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>victim</source>
        <translation>被害人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>witness</source>
        <translation>证人</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location line="-37" />
        <source>case handling</source>
        <translation>办案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>case review</source>
        <translation>案件审核</translation>
    </message>
    <message>
        <location line="+1" />
        <source>law-enforcement supervision</source>
        <translation>执法监督</translation>
    </message>
    <message>
        <location line="+1" />
        <source>complaint investigation</source>
        <translation>核查信访投诉</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../keeper_app/ui/record_view.py" line="+98" />
        <source>Scan a disc, or type its code above.</source>
        <translation>请扫描光盘条码，或在上方输入编号。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>History</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Nothing to do with this disc in your role.</source>
        <translation>以您的岗位，这张光盘目前没有可办理的事项。</translation>
    </message>
    <message>
        <location line="+44" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case status</source>
        <translation>案件状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>办案部门</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Person interrogated</source>
        <translation>被讯问人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy</source>
        <translation>正副本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelf location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Seal number</source>
        <translation>封存编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Made</source>
        <translation>制作</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other disc</source>
        <translation>同组光盘</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Out with</source>
        <translation>调取人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (%2, %3) since %4 for %5, due back %6 · register #%7</source>
        <translation>%1（%2，%3）于 %4 因%5调取，应于 %6 前归还 · 登记第%7号</translation>
    </message>
    <message>
        <location line="+21" />
        <source>LATE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>SOON</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>due</source>
        <translation>待办</translation>
    </message>
</context>
<context>
    <name>RecordingKind</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+37" />
        <source>interrogation</source>
        <translation>讯问</translation>
    </message>
    <message>
        <location line="+1" />
        <source>questioning</source>
        <translation>询问</translation>
    </message>
    <message>
        <location line="+1" />
        <source>search</source>
        <translation>搜查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sealing and seizure</source>
        <translation>查封扣押</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../keeper_app/ui/errors.py" line="+20" />
        <source>Nothing was scanned or typed.</source>
        <translation>没有扫描或输入任何内容。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This is not a medium code: it has characters no medium code has.</source>
        <translation>这不是介质编号：含有介质编号中不会出现的字符。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This is not a medium code: a medium code has 16 characters.</source>
        <translation>这不是介质编号：介质编号应为16位。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This is not a medium code: unit, year and serial must be digits.</source>
        <translation>这不是介质编号：单位代码、年份和序号必须是数字。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This is not a medium code: the copy letter must be O, D or H.</source>
        <translation>这不是介质编号：正副本标识必须是 O（正本）、D（副本）或 H（硬盘）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The code fails its check character: misread or mistyped. Scan again or type it from the label.</source>
        <translation>编号校验位不符，可能是误读或输错。请重新扫描，或按标签重新输入。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No such medium is registered.</source>
        <translation>系统中没有登记这件介质。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No case with this number.</source>
        <translation>没有这个编号的案件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No person with this badge number.</source>
        <translation>没有这个警号的人员。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No such approval request.</source>
        <translation>没有这份审批申请。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No such incident.</source>
        <translation>没有这条异常情况记录。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No such court or procuratorate request.</source>
        <translation>没有这条法院/检察院调取登记。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No such department.</source>
        <translation>没有这个部门。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No such entry.</source>
        <translation>没有这条登记。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No such recording.</source>
        <translation>没有这段录音录像。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You do not handle this case and may not see its media.</source>
        <translation>您不是本案办案人员，无权查看本案介质。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Locked after too many wrong passwords: wait, or ask an administrator.</source>
        <translation>密码错误次数过多，账号已暂时锁定：请稍后再试，或联系系统管理员解锁。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Other counters kept changing the register; nothing was recorded. Try again.</source>
        <translation>其他柜台正在连续修改登记簿，本次未作任何登记，请重试。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not a status.</source>
        <translation>不是有效的状态。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not a copy role.</source>
        <translation>不是有效的正副本类别。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This is not a badge number.</source>
        <translation>这不是有效的警号。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This person is deactivated.</source>
        <translation>该人员已停用。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The person signing must be the person signed in.</source>
        <translation>签名人必须是当前登录的本人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The keeper who signs must be the keeper signed in.</source>
        <translation>签名的保管员必须是当前登录的保管员本人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The two signers must be two different people.</source>
        <translation>两名签名人必须是不同的两个人。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This entry needs two signatures.</source>
        <translation>此项登记需要两人签名。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your role does not allow this.</source>
        <translation>您的岗位无权办理此事项。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The password is too short.</source>
        <translation>密码太短。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You can only change your own password.</source>
        <translation>只能修改本人的密码。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A required field is empty.</source>
        <translation>有必填项未填写。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A field is too long.</source>
        <translation>有填写内容超出长度限制。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A field contains characters that are not allowed.</source>
        <translation>填写内容含有不允许的字符。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The time is not possible.</source>
        <translation>时间不合理。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The estimated usage time is out of range.</source>
        <translation>预计使用时间超出允许范围。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>More than 24 hours since burning: give the reason for the delay; the department head will be told.</source>
        <translation>距刻录已超过24小时：请填写逾期移交原因，系统将报告部门负责人。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This person is not a case handler of the case.</source>
        <translation>该人员不是本案的办案人员。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This person is not a keeper.</source>
        <translation>该人员不是保管员。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A case handler of this case may not keep its recordings.</source>
        <translation>本案办案人员不得保管本案的录音录像资料。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The case is not open.</source>
        <translation>该案件不在办理中。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The pair of discs is incomplete.</source>
        <translation>该组光盘不完整（缺少正本或副本）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A hard-drive volume is not handed over as a pair.</source>
        <translation>硬盘存储卷不按正副本成组移交。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This seal number was used before: use a new seal.</source>
        <translation>该封存编号已使用过，请使用新的封条。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This disc is already out and must be returned first.</source>
        <translation>这张光盘已被调取，须先归还。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only the duplicate may be retrieved or transferred; the original stays sealed.</source>
        <translation>只能调取或移送副本光盘，正本须保持封存。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This person may not retrieve for this reason.</source>
        <translation>该人员不能以此事由调取光盘。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The approver must be a department head.</source>
        <translation>审批人必须是部门负责人。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nobody approves their own retrieval.</source>
        <translation>不得审批本人的调取。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not an allowed reason to retrieve a disc.</source>
        <translation>不是允许的调取事由。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The case is with the archives.</source>
        <translation>该案件已移交档案部门。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This disc is not out: there is nothing to return.</source>
        <translation>这张光盘未被调取，无需归还。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This disc has no open register entry.</source>
        <translation>这张光盘没有未结的调取登记。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not an inspection result.</source>
        <translation>不是有效的检查结果。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A return needs the inspection result.</source>
        <translation>归还时须填写检查结果。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The disc failed verification: it cannot be recorded intact.</source>
        <translation>光盘校验不符，不能登记为完好。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not a verification result.</source>
        <translation>不是有效的校验结果。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The case's department has no head to report to.</source>
        <translation>本案办案部门未设负责人，无法报告。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only an original is sealed.</source>
        <translation>只有正本光盘才封存。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The original is not sealed.</source>
        <translation>正本当前不是封存状态。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The original is opened only to reproduce or check the duplicate.</source>
        <translation>正本只能因副本损坏、丢失需要复制，或副本真实性存疑需要核对而启封。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>An approval request for this disc is already open.</source>
        <translation>这张光盘已有未办结的启封申请。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This request was already decided.</source>
        <translation>该申请已审批。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This approval is not for this disc.</source>
        <translation>该审批不是针对这张光盘的。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The department head has not approved opening this original.</source>
        <translation>办案部门负责人尚未批准启封此正本。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This approval was already used.</source>
        <translation>该审批已使用过。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only the head of the department handling the case may approve.</source>
        <translation>只有本案办案部门负责人才能审批。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The department does not match the case.</source>
        <translation>部门与案件不符。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This incident was already acknowledged.</source>
        <translation>该异常情况报告已签收。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This incident is reported to another department head.</source>
        <translation>该异常情况报告的是其他部门负责人。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The requesting body is a court or a procuratorate.</source>
        <translation>调取机关须为人民法院或人民检察院。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This disc is not of the requested case.</source>
        <translation>这张光盘不属于调取的案件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recordings on a hard drive are burned to a disc pair before transfer.</source>
        <translation>硬盘存储的录音录像须先转录为光盘再移送。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The recipient is not registered as court or procuratorate staff.</source>
        <translation>接收人未登记为法院或检察院人员。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only a concluded case goes to the archives.</source>
        <translation>只有侦查终结的案件才能移交档案部门。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Some media of the case are not back in custody.</source>
        <translation>本案有介质尚未归还入库。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The case holds no media.</source>
        <translation>本案没有介质。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A scanned medium is not held for this case.</source>
        <translation>扫描的介质不属于本案在库介质。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not every disc of the case has been scanned.</source>
        <translation>本案光盘尚未全部扫描。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The receiver is not in the archives department.</source>
        <translation>接收人不是档案部门人员。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You neither handle this case nor head its department.</source>
        <translation>您既不是本案办案人员，也不是办案部门负责人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not allowed in the medium's present state.</source>
        <translation>介质当前状态下不允许此操作。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This badge number is already registered.</source>
        <translation>该警号已登记。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not a role, or a combination of roles that is not allowed.</source>
        <translation>岗位无效，或岗位组合不允许。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This person does not have the department head role.</source>
        <translation>该人员没有部门负责人岗位。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>An administrator cannot remove their own administrator role.</source>
        <translation>管理员不能取消自己的管理员岗位。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>You cannot deactivate yourself.</source>
        <translation>不能停用自己。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A case with this number exists already.</source>
        <translation>该案件编号已存在。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The backup failed.</source>
        <translation>备份失败。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The backup is damaged.</source>
        <translation>备份文件已损坏。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The backup does not verify.</source>
        <translation>备份文件校验未通过。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This cannot be corrected.</source>
        <translation>此项不能更正。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing would change.</source>
        <translation>内容没有变化。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Art. %1</source>
        <translation>第%1条</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(Supervision Law regulations)</source>
        <translation>（《监察法实施条例》）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>[%1]</source>
        <translation>【依据%1】</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Refused.</source>
        <translation>不予办理。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Write the time as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (24-hour).</source>
        <translation>时间格式应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS（24小时制）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The database cannot be used.</source>
        <translation>数据库无法使用。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Something went wrong; nothing was changed.</source>
        <translation>发生错误，未作任何更改。</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../keeper_app/ui/views/register_view.py" line="+94" />
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+20" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="-19" />
        <source>Disc code</source>
        <translation>光盘编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Person (badge)</source>
        <translation>人员（警号）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entries</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+7" />
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1" />
        <source>open (out)</source>
        <translation>未归还</translation>
    </message>
    <message>
        <location line="+1" />
        <source>closed (returned)</source>
        <translation>已归还</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Out</source>
        <translation>调取时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Disc</source>
        <translation>光盘编号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Retriever</source>
        <translation>调取人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>调取人单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hours</source>
        <translation>预计使用（小时）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned</source>
        <translation>归还时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inspection</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+32" />
        <source>searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
</context>
<context>
    <name>ResealDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/reseal.py" line="+19" />
        <source>Reseal the original</source>
        <translation>重新封存正本</translation>
    </message>
    <message>
        <location line="+4" />
        <source>a new seal: never used before</source>
        <translation>新的封条：编号不得重复使用</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New seal number</source>
        <translation>新封存编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keeper (seals)</source>
        <translation>保管员（封存人）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Second sealer</source>
        <translation>第二封存人</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The original is resealed (seal event #%1).</source>
        <translation>正本已重新封存（封存记录第%1号）。</translation>
    </message>
</context>
<context>
    <name>RetrievalDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/retrieval.py" line="+21" />
        <source>Retrieval of the duplicate</source>
        <translation>副本光盘调取登记</translation>
    </message>
    <message>
        <location line="+9" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+7" />
        <source>default: the retriever's own unit</source>
        <translation>默认：调取人所在单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>调取事由</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Estimated usage time</source>
        <translation>预计使用时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purpose (details)</source>
        <translation>用途说明</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retriever's unit</source>
        <translation>调取人单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retriever</source>
        <translation>调取人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Register entry #%1: %2 is out.</source>
        <translation>调取登记第%1号：%2 已调出。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/return_.py" line="+28" />
        <source>Return with inspection</source>
        <translation>归还验收</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Out with %1 since %2, due back %3 (register #%4)</source>
        <translation>%1 于 %2 调取，应于 %3 前归还（登记第%4号）</translation>
    </message>
    <message>
        <location line="+22" />
        <source>what was found: required unless intact</source>
        <translation>检查发现的情况：除完好外必须填写</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Inspection</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verification</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What was found</source>
        <translation>发现情况</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Damage, replacement or loss is reported to the head of the case's department.</source>
        <translation>如有损坏、调换或丢失，将如实登记并报告本案办案部门负责人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Returner</source>
        <translation>归还人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Return #%1 recorded: %2.</source>
        <translation>归还第%1号已登记：%2。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>An incident was reported to the department head.</source>
        <translation>已向部门负责人报告异常情况。</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-16" />
        <source>keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>case handler</source>
        <translation>办案人员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reviewer</source>
        <translation>审核人员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>court/procuratorate staff</source>
        <translation>法院/检察院人员</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/roles.py" line="+18" />
        <source>Roles of %1</source>
        <translation>%1 的岗位</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Roles of %1 saved.</source>
        <translation>%1 的岗位已保存。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../keeper_app/ui/settings.py" line="+19" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lock after idle (seconds)</source>
        <translation>无操作自动锁定（秒）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Scanner: most ms between characters</source>
        <translation>扫描枪：字符最大间隔（毫秒）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Scanner: shortest code</source>
        <translation>扫描枪：最短编码长度</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sound on accepted scan</source>
        <translation>扫描成功时提示音</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rows fetched at a time in lists</source>
        <translation>列表每次加载行数</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../keeper_app/ui/signin.py" line="+89" />
        <source>Keeper — sign in</source>
        <translation>讯问录音录像资料保管系统 — 登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interrogation recordings: custody</source>
        <translation>讯问录音录像资料保管</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan your badge or type your badge number, then your password.</source>
        <translation>请刷警官证或输入警号，再输入密码。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Badge</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Checking the database before use…</source>
        <translation>正在检查数据库完整性，请稍候；可先填写警号和密码…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/signature_dialog.py" line="+51" />
        <source>Signature: %1</source>
        <translation>签名：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Scan your badge or pick your name, then type your own password. Nobody may sign for another person.</source>
        <translation>请刷警官证或选择本人姓名，再输入本人密码。任何人不得代替他人签名。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+18" />
        <source>the signer's own password</source>
        <translation>签名人本人的密码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Also draw a handwritten signature</source>
        <translation>同时手写签名</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear drawing</source>
        <translation>清除手写</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Badge</source>
        <translation>警号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Checking the password…</source>
        <translation>正在核验密码…</translation>
    </message>
</context>
<context>
    <name>SignersBox</name>
    <message>
        <location filename="../../keeper_app/ui/widgets/signers.py" line="+35" />
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+38" />
        <source>Sign…</source>
        <translation>签名…</translation>
    </message>
    <message>
        <location line="-1" />
        <source>not signed yet</source>
        <translation>尚未签名</translation>
    </message>
    <message>
        <location line="+4" />
        <source> (with drawn signature)</source>
        <translation>（含手写签名）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sign again…</source>
        <translation>重新签名…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="-54" />
        <source>burned, not handed over</source>
        <translation>已刻录待移交</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sealed</source>
        <translation>已封存</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unsealed</source>
        <translation>已启封</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in custody</source>
        <translation>在库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>out</source>
        <translation>已调出</translation>
    </message>
    <message>
        <location line="+1" />
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location line="+1" />
        <source>replaced</source>
        <translation>被调换</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <location line="+1" />
        <source>transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <location line="+1" />
        <source>archived</source>
        <translation>已移交档案</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/record_summary.py" line="+17" />
        <source>Case %1 %2</source>
        <translation>案件 %1 %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Person interrogated: %1</source>
        <translation>被讯问人：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Shelf location: %1</source>
        <translation>存放位置：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Seal number: %1</source>
        <translation>封存编号：%1</translation>
    </message>
</context>
<context>
    <name>UnsealDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/unseal.py" line="+20" />
        <source>Unseal the original</source>
        <translation>启封正本</translation>
    </message>
    <message>
        <location line="+7" />
        <source>#%1 approved — %2, requested %3</source>
        <translation>第%1号已批准 — %2，申请时间 %3</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No approved request for this disc: ask the head of the case's department first.</source>
        <translation>这张光盘没有已批准的启封申请，请先报本案办案部门负责人审批。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keeper</source>
        <translation>保管员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The original is unsealed (seal event #%1); reseal it promptly after use.</source>
        <translation>正本已启封（封存记录第%1号）；使用完毕后请及时重新封存。</translation>
    </message>
</context>
<context>
    <name>UnsealReason</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+19" />
        <source>reproduce a damaged or lost duplicate</source>
        <translation>副本损坏或丢失，需要复制</translation>
    </message>
    <message>
        <location line="+3" />
        <source>check a duplicate in doubt</source>
        <translation>副本真实性存疑，需要核对</translation>
    </message>
</context>
<context>
    <name>UnsealRequestDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/unseal_request.py" line="+21" />
        <source>Request to unseal the original</source>
        <translation>申请启封正本</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Reason</source>
        <translation>启封事由</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Send to the department head</source>
        <translation>报部门负责人审批</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Request #%1 sent to the head of the case's department.</source>
        <translation>第%1号申请已报送本案办案部门负责人。</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <location filename="../../keeper_app/ui/labels.py" line="+9" />
        <source>not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <location line="+1" />
        <source>matches the manifest</source>
        <translation>与文件清单一致</translation>
    </message>
    <message>
        <location line="+1" />
        <source>does not match the manifest</source>
        <translation>与文件清单不一致</translation>
    </message>
</context>
<context>
    <name>WorkflowDialog</name>
    <message>
        <location filename="../../keeper_app/ui/dialogs/base.py" line="+69" />
        <source>Register and sign</source>
        <extracomment>emitted with the confirmation text after the service accepted the entry</extracomment>
        <translation>登记并签名</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Registered.</source>
        <translation>已登记。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Still to sign: %1</source>
        <translation>尚待签名：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Registering…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Scanned %1: finish or cancel this form first.</source>
        <translation>扫描到 %1：请先完成或取消当前表单。</translation>
    </message>
</context>
</TS>
