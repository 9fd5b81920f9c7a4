"""The words on the printed documents, Chinese (default) and English."""

from __future__ import annotations

from .errors import PrintError

LANGS = ("zh", "en")

_T: dict[str, tuple[str, str]] = {
    # Art. 17 label fields
    "production_unit": ("制作单位", "Production unit"),
    "producer": ("制作人", "Producer"),
    "production_time": ("制作时间", "Production time"),
    "person_interrogated": ("被讯问人", "Person interrogated"),
    "case_name": ("案件名称", "Case name"),
    "case_number": ("案件编号", "Case number"),
    # copy roles
    "original": ("正本", "ORIGINAL"),
    "duplicate": ("副本", "DUPLICATE"),
    "hard_drive": ("硬盘", "HARD DRIVE"),
    "medium_id": ("光盘编号", "Medium id"),
    "disc_title": ("讯问录音录像光盘", "Interrogation recording disc"),
    "sleeve_title": ("讯问录音录像光盘封套", "Interrogation recording — disc sleeve"),
    "seal_title": ("讯问录音录像光盘正本封存袋", "Sealed bag — original disc"),
    "seal_no": ("封存编号", "Seal number"),
    "sealed_at": ("封存时间", "Sealed at"),
    "signatures": ("签名", "Signatures"),
    "hand_signatures": ("手写签名", "Signatures by hand"),
    "signed_electronically": ("已电子签名", "signed electronically"),
    "keeper": ("保管员", "Keeper"),
    "case_handler": ("办案人", "Case handler"),
    "witness": ("见证人", "Witness"),
    "sealer": ("封存人", "Sealed by"),
    "retriever": ("调取人", "Retriever"),
    "returner": ("归还人", "Returned by"),
    "approver": ("批准人", "Approver"),
    "dept_head": ("部门负责人", "Head of department"),
    "corrector": ("更正人", "Corrected by"),
    "countersign": ("会签", "Countersigned by"),
    "checker": ("抽查人", "Checked by"),
    "investigator": ("调查人员", "Investigator"),
    "date_time": ("日期时间", "Date and time"),
    "recordings": ("录制内容", "Recordings"),
    "disc_type": ("光盘类型", "Disc type"),
    "location": ("存放位置", "Shelf"),
    # register
    "register_title": ("讯问录音录像光盘调取登记簿", "Special retrieval register (Art. 20)"),
    "col_no": ("序号", "No."),
    "col_medium": ("光盘编号", "Medium"),
    "col_case": ("案件", "Case"),
    "col_retriever": ("调取人", "Retriever"),
    "col_unit": ("单位", "Unit"),
    "col_out": ("调取时间", "Time out"),
    "col_reason": ("调取事由", "Reason"),
    "col_usage": ("预计使用", "Est. usage"),
    "col_approver": ("批准人", "Approver"),
    "col_sig_retriever": ("调取人签名", "Retriever's signature"),
    "col_sig_keeper": ("保管员签名", "Keeper's signature"),
    "col_sig_returner": ("归还人签名", "Returner's signature"),
    "col_sig_return_keeper": ("接收保管员签名", "Receiving keeper's signature"),
    "col_returned": ("归还时间", "Returned"),
    "col_inspection": ("检查结果", "Inspection"),
    "col_keeper": ("保管员", "Keeper"),
    "hours": ("小时", "h"),
    "filter": ("筛选条件", "Filter"),
    "all_entries": ("全部", "all entries"),
    "from": ("自", "from"),
    "to": ("至", "to"),
    "entries": ("条", "entries"),
    "page_of": ("第 {n} 页 / 共 {total} 页", "Page {n} of {total}"),
    "audit_head": ("审计链 第{seq}号事件 哈希", "Audit chain event {seq}, hash"),
    "printed_by": ("打印人", "Printed by"),
    "printed_at": ("打印时间", "Printed at"),
    "not_returned": ("未归还", "not returned"),
    "none": ("无", "none"),
    # reasons (Art. 19), inspection (Art. 20), verification
    "case_handling": ("办案", "case handling"),
    "case_review": ("案件审核", "case review"),
    "supervision": ("执法监督", "supervision"),
    "complaint": ("核查信访投诉", "complaint"),
    "intact": ("完好", "intact"),
    "damaged": ("损毁", "damaged"),
    "replaced": ("被调换", "replaced"),
    "lost": ("丢失", "lost"),
    "late_handover": ("超时移交", "late handover"),
    "late_return": ("超时未归还", "late return"),
    "late_reseal": ("超时未重新封存", "late reseal"),
    "fixity_failed": ("定期回读核对未通过", "failed read-back"),
    "missing": ("清点未找到", "missing at inventory"),
    "not_checked": ("未校验", "not checked"),
    "match": ("校验一致", "verified"),
    "mismatch": ("校验不一致", "MISMATCH"),
    "court": ("人民法院", "court"),
    "procuratorate": ("人民检察院", "procuratorate"),
    "reproduce_duplicate": ("副本损毁或丢失需重新制作", "reproduce the duplicate"),
    "check_duplicate": ("副本真实性存疑需核对", "check the duplicate"),
    # receipts and reports
    # the key form (issue 10: keys certified on paper)
    "key_form_title": ("个人签名密钥登记表", "Personal signing key form"),
    "key_form_intro": (
        "本表登记本人在本系统中的电子签名密钥。密钥由本人设置密码时生成，管理员不知悉。请本人与"
        "系统管理员核对下列指纹与系统显示一致后亲笔签名，交档案留存。",
        "This form records the key that signs in Keeper in the person's name. It was made when "
        "the person chose their own password; the administrator never knew it. The person and "
        "an administrator check that the fingerprint below is the one Keeper shows, sign by "
        "hand, and file the form.",
    ),
    "kf_name": ("姓名", "Name"),
    "kf_badge": ("警号", "Badge number"),
    "kf_unit": ("单位", "Unit"),
    "kf_department": ("部门", "Department"),
    "kf_roles": ("角色", "Roles"),
    "kf_reason": ("生成原因", "Made at"),
    "kf_made_at": ("生成时间", "Date"),
    "kf_key_no": ("密钥序号", "Key number"),
    "kf_fingerprint": ("密钥指纹（SHA-256）", "Key fingerprint (SHA-256)"),
    "kf_check": (
        "核对：keeper people keys 警号（或程序“修改密码”后的显示）列出的指纹应与此相同。",
        "Check: `keeper people keys BADGE` lists this fingerprint as the person's key.",
    ),
    "kf_person_sig": ("本人签名", "Signature of the person"),
    "kf_admin_sig": ("系统管理员签名", "Signature of the administrator"),
    "reviewer": ("审核人员", "Reviewer"),
    "admin": ("系统管理员", "Administrator"),
    "outside_retriever": ("法院/检察院人员", "Court or procuratorate staff"),
    "enrolment": ("首次登录（登记码）", "first sign-in (enrolment code)"),
    "password_change": ("修改密码", "password change"),
    "added": ("管理员添加", "added by the administrator"),
    "earlier": ("升级前已有", "held before the upgrade"),
    "handover_title": ("讯问录音录像光盘移交登记回执", "Handover receipt — recording discs"),
    "handover_rule": (
        "依规定，刻录完成后办案人员应当在24小时内将光盘移交保管人员。",
        "The case handler must hand the discs to the keeper within 24 hours of burning (Art. 17).",
    ),
    "burned_at": ("刻录时间", "Burned at"),
    "handed_over_at": ("移交时间", "Handed over at"),
    "elapsed": ("间隔", "Elapsed"),
    "within_24h": ("在24小时内", "within 24 hours"),
    "late_24h": ("超过24小时", "LATE: more than 24 hours"),
    "late_reason": ("超时原因", "Reason for the delay"),
    "original_location": ("正本存放位置", "Original's shelf"),
    "duplicate_location": ("副本存放位置", "Duplicate's shelf"),
    "note": ("备注", "Note"),
    "incident_title": (
        "讯问录音录像光盘损毁、调换、丢失情况报告",
        "Report of damage, replacement or loss of a recording disc",
    ),
    "incident_to": ("报告对象（办案部门负责人）", "Reported to (head of the case department)"),
    "incident_kind": ("情况类别", "What happened"),
    "incident_at": ("发现时间", "When"),
    "incident_desc": ("情况说明", "Description"),
    "incident_supplement": ("补充说明", "Supplement"),
    "reported_by": ("报告人", "Reported by"),
    "retrieval": ("调取记录", "Retrieval"),
    "returned_by": ("归还人", "Returned by"),
    "acknowledged": ("负责人签收", "Acknowledged by the head"),
    "not_acknowledged": ("尚未签收", "not yet acknowledged"),
    "court_title": (
        "向人民法院/人民检察院移送讯问录音录像光盘清单",
        "Transfer list — recording discs to the court / procuratorate",
    ),
    "requesting_org": ("调取机关", "Requesting body"),
    "document_no": ("调取文书编号", "Request document no."),
    "requested_at": ("调取时间", "Requested at"),
    "due_by": ("应移送期限（3日内）", "Due by (3 days)"),
    "transferred_at": ("移送时间", "Transferred at"),
    "recipient": ("接收人", "Received by"),
    "asked_title": ("调取内容", "What is asked for"),
    "person_role_suspect": ("犯罪嫌疑人", "suspect"),
    "person_role_victim": ("被害人", "victim"),
    "person_role_witness": ("证人", "witness"),
    "recording_no": ("录音录像第{n}号", "recording #{n}"),
    "asked_item": ("调取的录音录像或光盘", "Recording or disc asked for"),
    "item_state": ("办理情况", "How it ended"),
    "item_transferred": ("已移送 {code}", "transferred {code}"),
    "item_reason": ("未移送：{reason}", "not transferred: {reason}"),
    "item_open": ("尚未移送", "not yet transferred"),
    "late_mark": ("逾期", "LATE"),
    "request_state": ("办理状态", "State"),
    "request_late": ("已逾期（超过3日）", "LATE (past the 3 days)"),
    "request_open": ("尚有未移送项目", "items still open"),
    "request_done": ("已办结", "done"),
    "archive_title": (
        "讯问录音录像光盘移交档案部门清单",
        "Archive handover list — recording discs",
    ),
    "receiver": ("档案部门接收人", "Received for the archives by"),
    "concluded_at": ("侦查终结时间", "Investigation concluded"),
    "copy_role": ("正/副本", "Copy"),
    "status": ("状态", "Status"),
    "count": ("合计", "Total"),
    "signature_lines": ("签名栏", "Signatures"),
    "entry_ref": ("登记号", "Entry no."),
    "calibration_title": ("标签对位测试页", "Label alignment test sheet"),
    "calibration_help": (
        "在标签纸上打印本页，量出十字中心与标签中心的偏差（向右、向下为正，单位毫米），"
        "填入该打印机的校准值。",
        "Print this on a label sheet, measure how far each cross lies from the centre of its "
        "label (right and down are positive, in mm) and enter that as the printer's "
        "calibration.",
    ),
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise PrintError(
            "bad_language", f"language must be one of {', '.join(LANGS)}, not {lang!r}"
        )
    return lang


def t(key: str, lang: str = "zh", **kw: object) -> str:
    """The word for ``key``; an unknown key comes back as itself (an enum value, a name)."""
    pair = _T.get(key)
    if pair is None:
        return key
    s = pair[0] if lang == "zh" else pair[1]
    return s.format(**kw) if kw else s


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "
