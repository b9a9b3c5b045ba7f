"""Word lists for judging job statements, in English and Chinese."""

import re

# Phrases that make a responsibility vague: nobody can tell whether it was done.
VAGUE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bother (?:duties|tasks|work|responsibilities)\b",
        r"\bas (?:assigned|required|needed|directed|requested)\b",
        r"\betc\b\.?",
        r"\band so on\b",
        r"\bvarious\b",
        r"\bmiscellaneous\b",
        r"\bany other\b",
        r"\bwhatever\b",
        r"\bhelp (?:out )?(?:with|where)\b",
        r"其他(?:工作|事项|事务|任务)",
        r"(?:领导|上级)(?:临时)?交办",
        r"临时交办",
        r"等等",
        r"[\u4e00-\u9fff]等(?:工作|事项|事宜)",
        r"各种",
        r"相关工作",
    )
]

# Action verbs that start a well-written English responsibility (lower case, base form).
ACTION_VERBS = frozenset(
    """accept account achieve acquire act adapt address adjust administer advise advocate allocate
    analyse analyze answer anticipate apply appoint appraise approve arrange assemble assess assign
    assist attend audit authorise authorize balance benchmark brief budget build calculate calibrate
    carry catalogue certify chair challenge champion check choose clarify classify clean clear close
    coach code collaborate collect communicate compare compile complete comply compose compute
    conduct configure confirm consolidate consult contact contract contribute control convene
    convert coordinate correct counsel count create cultivate deal debug decide define delegate
    deliver demonstrate deploy describe design determine develop devise diagnose direct discuss
    dispatch distribute document draft drive edit educate elaborate eliminate enable encourage
    enforce engage ensure enter establish estimate evaluate examine execute expand expedite explain
    facilitate file finalise finalize follow forecast formulate foster fulfil fulfill gather
    generate govern guide handle hire hold identify implement improve induct inform initiate inspect
    install instruct integrate interpret interview introduce investigate invoice issue keep lead
    liaise license lift load locate log maintain manage map market measure mediate mentor merge
    minimise minimize model modify monitor motivate negotiate notify observe obtain onboard open
    operate optimise optimize orchestrate order organise organize originate outline oversee pack
    participate pay perform pick pilot place plan post prepare present preserve prevent price
    prioritise prioritize process procure produce program programme promote propose protect provide
    publish purchase pursue qualify quote raise rank rate reach receive recommend reconcile record
    recruit rectify reduce refer refine register regulate reinforce release remediate renew repair
    replace replenish report represent request research resolve respond restore retain review revise
    run safeguard sample schedule screen secure select sell send serve service set settle share ship
    sign solve source specify staff standardise standardize steer stock store streamline strengthen
    structure submit summarise summarize supervise supply support survey sustain take teach test
    track train transfer translate transport troubleshoot undertake unload update upgrade use
    utilise utilize validate verify visit weigh welcome win write""".split()
)

# Verbs that begin a well-written Chinese responsibility.
ZH_ACTION_VERBS = (
    "负责",
    "组织",
    "制定",
    "编制",
    "审核",
    "审批",
    "管理",
    "协调",
    "监督",
    "完成",
    "跟进",
    "维护",
    "核对",
    "检查",
    "落实",
    "执行",
    "建立",
    "开展",
    "指导",
    "培训",
    "统计",
    "分析",
    "汇总",
    "收集",
    "拟定",
    "起草",
    "评估",
    "考核",
    "推动",
    "推进",
    "主持",
    "参与",
    "配合",
    "确保",
    "保证",
    "控制",
    "监控",
    "处理",
    "办理",
    "提交",
    "报告",
    "审查",
    "采购",
    "销售",
    "开发",
    "设计",
    "策划",
    "实施",
    "招聘",
    "盘点",
    "对账",
    "结算",
    "编写",
    "更新",
    "整理",
    "归档",
    "联络",
    "沟通",
    "接待",
    "走访",
    "拜访",
    "签订",
    "谈判",
    "催收",
    "复核",
    "测试",
    "验收",
    "维修",
    "保养",
    "安排",
    "调度",
    "发放",
    "核算",
    "申报",
    "缴纳",
    "预测",
    "规划",
    "研究",
    "制订",
    "完善",
    "优化",
    "改进",
    "领导",
    "带领",
)


def is_vague(statement: str) -> bool:
    return any(p.search(statement) for p in VAGUE_PATTERNS)


def _first_word(statement: str) -> str:
    m = re.match(r"\s*([A-Za-z]+)", statement)
    return m.group(1).lower() if m else ""


def has_action_verb(statement: str) -> bool:
    """Starts with an action verb (English) or a verb from the Chinese list."""
    text = statement.strip()
    if not text:
        return False
    if re.match(r"[\u4e00-\u9fff]", text):
        return any(text.startswith(v) or v in text[:8] for v in ZH_ACTION_VERBS)
    word = _first_word(text)
    if word in ACTION_VERBS:
        return True
    # Third-person forms ("Prepares", "Reconciles") are common in job descriptions.
    if word.endswith("ies") and word[:-3] + "y" in ACTION_VERBS:
        return True
    if word.endswith("es") and (word[:-2] in ACTION_VERBS or word[:-1] in ACTION_VERBS):
        return True
    return word.endswith("s") and word[:-1] in ACTION_VERBS
