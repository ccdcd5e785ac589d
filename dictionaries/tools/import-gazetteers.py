#!/usr/bin/env python3
"""Builds ZhKit's gazetteers: places.txt, surnames.txt and org-extra.txt (see GAZETTEER-NOTES.md).

Usage:
    pip install babel==2.19.0
    python3 dictionaries/tools/import-gazetteers.py THUOCL_GIT_DIR HANLP_GIT_DIR

THUOCL_GIT_DIR and HANLP_GIT_DIR are git directories (bare or not) of thunlp/THUOCL and
hankcs/HanLP; the files are read with `git show` at the commits pinned below, so no work tree is
needed. CLDR data comes from Babel. jieba's dictionary (dictionaries/general.txt, already in the
repo) is used only as a filter: its part-of-speech tags tell a common word (医院, 商业) from a
place name. Writes into the dictionaries/ folder beside this script's folder.
"""
import os
import re
import subprocess
import sys
import unicodedata

import babel
from babel import Locale

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

THUOCL_COMMIT = "a30ce79d895d01ab5132a5c74c29703ff7efb4cc"
THUOCL_DIMING = "data/THUOCL_diming.txt"
HANLP_COMMIT = "78769d80f4ece928382667af20362e71b8f69a13"  # v1.7.6, last commit with data/
HANLP_PLACES = "data/dictionary/custom/全国地名大全.txt"
HANLP_ORGS = "data/dictionary/custom/机构名词典.txt"

CJK = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff·]+$")


def git_show(gitdir, commit, path):
    data = subprocess.run(["git", "--git-dir", gitdir, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout
    text = data.decode("utf-8").lstrip("\ufeff")
    return re.split(r"\r\n|\r|\n", text)


def load_jieba():
    tags = {}
    with open(os.path.join(OUT, "general.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


JIEBA = load_jieba()
NAME_TAGS = {"ns", "nt", "nz", "nr", "nrt", "nrfg", "j"}


def jieba_common(word):
    """True when jieba lists the word with a tag that is not a name's."""
    t = JIEBA.get(word)
    return t is not None and t not in NAME_TAGS


def write(path, header, lines):
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n" if h else "#\n")
        for line in lines:
            f.write(line + "\n")


# ---------------------------------------------------------------- places

GPE_SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "省", "市", "县", "区", "州",
                "国", "旗", "盟", "镇", "乡", "村"]
LOC_SUFFIXES = ["三角洲", "半岛", "群岛", "列岛", "平原", "高原", "盆地", "沙漠", "草原", "地区", "流域",
                "运河", "山脉", "山", "峰", "岭", "河", "江", "湖", "海", "洋", "湾", "峡", "岛", "洲"]
# Endings of THUOCL entries that are not places in our sense: facilities, streets, stops,
# housing estates, organisations (ORG, not GPE/LOC), generic community units.
NOISE_SUFFIXES = [
    "社区", "小区", "生活区", "管理区", "作业区", "开发区", "园区", "工业区", "示范区", "合作区",
    "试验区", "实验区", "保护区", "风景区", "景区", "度假区", "服务区", "商务区", "校区", "管区",
    "街道办", "路", "街", "大道", "胡同", "巷", "弄", "里", "道口", "路口", "桥", "站", "口",
    "广场", "大厦", "中心", "市场", "商场", "超市", "商城", "酒店", "宾馆", "饭店", "大楼", "楼",
    "花园", "家园", "公寓", "新村", "苑", "园", "城", "府", "院", "所", "局", "厅", "委", "会",
    "处", "部", "队", "厂", "场", "公司", "银行", "学校", "小学", "中学", "大学", "学院", "医院",
    "馆", "寺", "庙", "祠", "墓", "陵", "宫", "台", "塔", "门", "亭", "阁", "堂", "库", "社", "店",
    "所", "东", "西", "南", "北", "内", "外", "上", "下", "前", "后", "里", "边", "头", "侧", "旁",
    "地", "资源", "市场", "公路", "铁路", "高速", "国道", "省道", "线", "段", "环", "政府", "居委会",
    "村委会", "委员会", "办事处", "工程", "基地", "农场", "林场", "牧场", "盐场", "良种场",
    "经开区", "高新区", "保税区", "自贸区", "功能区", "城区", "片区", "矿区", "厂区", "营区", "辖区",
    "新区内", "老区", "灾区", "街区", "商圈",
]
# 2-character words that end like a place but are generic (三区, 南区, 大洲, 海洋 …).
GENERIC_FIRST = set("东南西北中上下前后内外本全各该此每某其一二三四五六七八九十百千万两几大小新老旧省市县区州乡镇村沿近远高低深浅")
GENERIC_WORDS = {"海洋", "大洲", "大洋", "山林", "河流", "湖泊", "江河", "海湾", "海峡", "高山",
                 "大山", "深山", "火山", "冰山", "青山", "山区", "城区", "郊区", "市区", "县区",
                 "辖区", "行政区", "自治区", "自治州", "自治县", "直辖市", "县级市", "省辖市",
                 "地级市", "中心区", "中心城", "全国", "全省", "全市", "全县", "本国", "他国",
                 "外国", "各国", "两国", "邻国", "大国", "小国", "强国", "帝国", "王国", "祖国",
                 "故国", "母国", "国内", "沿海", "近海", "远洋", "内海", "外海", "北国", "南国",
                 "岛国", "列国", "中华", "华夏", "海岛", "孤岛", "小岛", "半岛", "群岛", "沙漠",
                 "草原", "平原", "高原", "盆地", "流域", "三角洲", "运河", "地区", "各地区",
                 "山峰", "山岭", "峻岭", "江湖", "湖海", "四海", "五湖", "天涯", "海角",
                 "乡村", "农村", "村庄", "山村", "渔村", "小村", "城镇", "乡镇", "集镇", "小镇",
                 "古镇", "重镇", "新村", "村镇", "县城", "省城", "市县", "州县", "省市", "县市",
                 "州府", "县域", "市域", "边疆", "经济带", "公元前",
                 # direction or generic stems of district names (市中区, 城关镇 …): too ambiguous alone
                 "市中", "城东", "城西", "城南", "城北", "城中", "城关", "江东", "江南", "江北", "河东",
                 "河西", "湖滨", "滨海", "滨江", "滨湖", "开发", "高新", "新区", "东区", "西区", "南区",
                 "北区", "中区", "郊区", "矿区", "铁西", "铁东", "城厢", "城郊", "市辖", "中心",
                 "河山", "山河", "味道江湖", "深沟", "江山"}
# China's macro-regions (facts), typed LOC.
MACRO_REGIONS = ["华北", "华东", "华南", "华中", "西北", "西南", "东北", "中原", "江南", "岭南",
                 "塞北", "关中", "江淮", "两广", "两湖", "长三角", "珠三角"]
NOT_SETTLEMENT = ("山庄", "农庄", "村庄", "饭庄", "茶庄", "钱庄", "酒庄", "布庄", "营地", "大营")
# THUOCL entries that jieba tags ns but are brands, schools, people or common words.
FALLBACK_NOISE = set("""苏宁 苏果 安利 中兴 九阳 清华阳光 昆曲 海关 泉水 河滩 深坑 深井 山脚 湖畔 海滨
河滨 山沟 山根 下坡 阳坡 南坡 西坡 沙坡 石坡 黑马 天马 河图 美达 德威 灵狮 雅兴 腾云 长明 永乐
福寿 吉庆 同庆 安乐 美林 盘根 避风塘 江滨 山溪 山田 山塘 山岩 山坑 里庄 大山顶 黄兴 迪里拜尔
香巴拉 万古 九尾 高古 长流水 河渠 濠沟 沿溪 新联 四联 东联 美亚 福和 福兴 合丰 广隆 广源 华兴
永合 永庆 永建 永隆 永中 永固 福昌 福林 福源 福中 福临 日龙 上中 中和 中黄 上格 金都 燕都 德都
大都 中都 东都 益都 南都 仙都 回鹘 乌孜别克 坎儿井 地藏庵 仙人洞 桃源洞 芙蓉洞 龙门石窟 罗湖口岸
五棵松 皇城根 北园春 桃源居 长春道 鞍山道 滨江道 阳关""".split())
# THUOCL names that jieba tags ns and that are in fact countries, cities or historical states.
KNOWN_GPE = set("""阿联酋 巴勒斯坦 南朝鲜 捷克斯洛伐克 西萨摩亚 密克罗尼西亚联邦 蒙巴萨 热那亚 瓦伦西亚
福冈 宜兰 新竹 伊犁 塘沽 汉沽 尖沙咀 湾仔 戚墅堰 襄樊 波阳 迪化 阿加尼亚 斯坦利港 岘港 井陉 寻甸
务川 酉阳 五寨 兰坪 镇宁 中甸 宁冈 崇庆 黔阳 巴里坤 川沙 南汇 江浦 塘栖 南翔 龟兹 楼兰 沙俄 东吴
枋寮 苏澳 良渚 西柏坡 沙家浜 漕河泾 王江泾 焦庄户 樊川 襄平 黎阳 黄安 醴泉 河东郡""".split())
SETTLEMENT_SUFFIXES = ["庄子", "庄", "屯", "寨", "堡", "营", "铺", "集", "圩", "墟", "埠"]

# Provincial-level divisions (facts): full name, short names (no one-character abbreviations).
PROVINCES = [
    ("北京市", ["北京"]), ("天津市", ["天津"]), ("上海市", ["上海"]), ("重庆市", ["重庆"]),
    ("河北省", ["河北"]), ("山西省", ["山西"]), ("辽宁省", ["辽宁"]), ("吉林省", ["吉林"]),
    ("黑龙江省", ["黑龙江"]), ("江苏省", ["江苏"]), ("浙江省", ["浙江"]), ("安徽省", ["安徽"]),
    ("福建省", ["福建"]), ("江西省", ["江西"]), ("山东省", ["山东"]), ("河南省", ["河南"]),
    ("湖北省", ["湖北"]), ("湖南省", ["湖南"]), ("广东省", ["广东"]), ("海南省", ["海南"]),
    ("四川省", ["四川"]), ("贵州省", ["贵州"]), ("云南省", ["云南"]), ("陕西省", ["陕西"]),
    ("甘肃省", ["甘肃"]), ("青海省", ["青海"]), ("台湾省", ["台湾"]),
    ("内蒙古自治区", ["内蒙古"]), ("广西壮族自治区", ["广西", "广西自治区"]),
    ("西藏自治区", ["西藏"]), ("宁夏回族自治区", ["宁夏", "宁夏自治区"]),
    ("新疆维吾尔自治区", ["新疆", "新疆自治区"]),
    ("香港特别行政区", ["香港", "香港特区", "中国香港"]),
    ("澳门特别行政区", ["澳门", "澳门特区", "中国澳门"]),
]
# Traditional forms of the same (Hong Kong / Taiwan usage).
PROVINCES_HANT = [
    "北京市", "北京", "天津市", "天津", "上海市", "上海", "重慶市", "重慶", "河北省", "河北",
    "山西省", "山西", "遼寧省", "遼寧", "吉林省", "吉林", "黑龍江省", "黑龍江", "江蘇省", "江蘇",
    "浙江省", "浙江", "安徽省", "安徽", "福建省", "福建", "江西省", "江西", "山東省", "山東",
    "河南省", "河南", "湖北省", "湖北", "湖南省", "湖南", "廣東省", "廣東", "海南省", "海南",
    "四川省", "四川", "貴州省", "貴州", "雲南省", "雲南", "陝西省", "陝西", "甘肅省", "甘肅",
    "青海省", "青海", "臺灣省", "臺灣", "台灣省", "台灣", "內蒙古自治區", "內蒙古",
    "廣西壯族自治區", "廣西", "西藏自治區", "西藏", "寧夏回族自治區", "寧夏",
    "新疆維吾爾自治區", "新疆", "香港特別行政區", "香港", "香港特區", "澳門特別行政區", "澳門",
    "澳門特區",
]

# CLDR territory codes that are not places (or are organisations under ANNOTATION.md).
SKIP_TERRITORIES = {"001", "EU", "UN", "ZZ", "XA", "XB", "EZ"}


def suffix_type(name):
    best = None
    for s in GPE_SUFFIXES:
        if name.endswith(s) and len(name) > len(s) and (best is None or len(s) > len(best[0])):
            best = (s, "GPE")
    for s in LOC_SUFFIXES:
        if name.endswith(s) and len(name) > len(s) and (best is None or len(s) > len(best[0])):
            best = (s, "LOC")
    return best


ETHNIC = sorted(("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
                 "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
                 "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
                 "珞巴 基诺 各").split(), key=len, reverse=True)


def strip_ethnic(stem):
    """长阳土家族 → 长阳; 积石山保安族东乡族撒拉族 → 积石山."""
    changed = True
    while changed and stem.endswith("族"):
        changed = False
        for e in ETHNIC:
            if stem.endswith(e + "族") and len(stem) > len(e) + 2:
                stem = stem[: -len(e) - 1]
                changed = True
                break
    return stem


def is_generic(name):
    if name in GENERIC_WORDS:
        return True
    if len(name) == 2 and name[0] in GENERIC_FIRST and suffix_type(name):
        return True
    return False


def build_places(thuocl_dir, hanlp_dir, stats):
    places = {}  # name -> label
    source = {}

    def add(name, label, src):
        name = unicodedata.normalize("NFC", name.strip())
        if len(name) < 2 or not CJK.match(name):
            return False
        if name in places:
            # GPE wins over LOC when two sources disagree (a country beats a region reading)
            if places[name] == "LOC" and label == "GPE":
                places[name] = "GPE"
            return False
        places[name] = label
        source[name] = src
        stats[src] = stats.get(src, 0) + 1
        return True

    # 1. CLDR territories (zh, zh_Hant, zh_Hant_HK)
    cldr_names = set()
    for loc in ("zh", "zh_Hant", "zh_Hant_HK"):
        L = Locale.parse(loc)
        for code, name in L.territories.items():
            if code in SKIP_TERRITORIES:
                continue
            label = "LOC" if code.isdigit() else "GPE"
            if code == "QO":
                label = "LOC"
            add(name, label, "cldr-territory")
            cldr_names.add(name)
    # 2. CLDR exemplar cities of time zones
    for loc in ("zh", "zh_Hant", "zh_Hant_HK"):
        L = Locale.parse(loc)
        for zone, info in L.time_zones.items():
            city = info.get("city") if hasattr(info, "get") else None
            if not city or zone.startswith(("Antarctica/", "Etc/")):
                continue
            add(city, "GPE", "cldr-city")
            cldr_names.add(city)
    # 3. Provincial-level divisions (hand list of facts)
    for full, shorts in PROVINCES:
        add(full, "GPE", "provinces")
        for s in shorts:
            add(s, "GPE", "provinces")
    for n in PROVINCES_HANT:
        add(n, "GPE", "provinces")

    for r in MACRO_REGIONS:
        add(r, "LOC", "provinces")
    # 4. HanLP national place-name list: administrative divisions
    admin = set()
    bad_inner = re.compile(r"[场厂队圃站矿井]|农场|林场|管理|作业|开发|工业|园区|生活|经济|技术|旅游|风景|度假")
    for line in git_show(hanlp_dir, HANLP_COMMIT, HANLP_PLACES):
        name = line.strip()
        if len(name) < 2 or not CJK.match(name):
            continue
        st = suffix_type(name)
        if name.endswith("街道") and len(name) <= 7 and not bad_inner.search(name[:-2]):
            label = "GPE"
        elif name.endswith("地区") and len(name) <= 8:
            label = "GPE"   # prefecture-level 地区 (喀什地区) are political divisions
        elif name.endswith("林区") and len(name) <= 7:
            label = "GPE"   # 神农架林区
        elif st is None or st[1] != "GPE":
            stats["hanlp-places-dropped"] = stats.get("hanlp-places-dropped", 0) + 1
            continue
        else:
            suf = st[0]
            if any(name.endswith(n) for n in NOISE_SUFFIXES if n.endswith("区")) or \
                    bad_inner.search(name[: -len(suf)]) or len(name) > 8 or \
                    (suf == "区" and len(name) > 6) or (suf == "村" and len(name) < 3) or \
                    re.match(r"^[一二三四五六七八九十百零〇]+", name):
                stats["hanlp-places-dropped"] = stats.get("hanlp-places-dropped", 0) + 1
                continue
            label = "GPE"
        if is_generic(name):
            continue
        add(name, label, "hanlp-places")
        admin.add(name)
    # Short forms of cities, counties and districts (X市 → X), when X has two characters or more
    # and jieba does not know X as a common word (大同, 海门 stay out).
    for name in sorted(admin):
        for suf in ("自治县", "自治州", "自治旗", "市", "县", "区", "盟", "旗"):
            if name.endswith(suf):
                stem = name[: -len(suf)]
                if suf in ("自治县", "自治州", "自治旗"):
                    stem = strip_ethnic(stem)
                if len(stem) >= 2 and not jieba_common(stem) and not is_generic(stem) \
                        and not stem.endswith(("新", "开发", "经济")):
                    add(stem, "GPE", "hanlp-short")
                break
    admin_stems = set()
    for name in admin:
        for suf in ("自治县", "自治州", "自治旗", "市", "县", "区", "新区", "旗", "盟", "省"):
            if name.endswith(suf):
                stem = name[: -len(suf)]
                admin_stems.add(strip_ethnic(stem) if suf.startswith("自治") else stem)
                break

    # 5. THUOCL place names
    for line in git_show(thuocl_dir, THUOCL_COMMIT, THUOCL_DIMING):
        parts = line.strip().split("\t")
        if not parts or not parts[0]:
            continue
        name = parts[0].strip()
        if len(name) < 2 or not CJK.match(name):
            stats["thuocl-dropped-form"] = stats.get("thuocl-dropped-form", 0) + 1
            continue
        if is_generic(name) or jieba_common(name):
            stats["thuocl-dropped-common"] = stats.get("thuocl-dropped-common", 0) + 1
            continue
        st = suffix_type(name)
        known = name in cldr_names or name in admin_stems or name in places
        region2 = len(name) == 2 and JIEBA.get(name) == "ns" and name[1] in "东西南北中部" \
            and name[0] not in "路街桥门站口村城楼"
        if st is None and not known and not region2 and any(name.endswith(n) for n in NOISE_SUFFIXES):
            stats["thuocl-dropped-facility"] = stats.get("thuocl-dropped-facility", 0) + 1
            continue
        if st and st[0] == "区" and any(name.endswith(n) for n in NOISE_SUFFIXES if n.endswith("区")):
            stats["thuocl-dropped-facility"] = stats.get("thuocl-dropped-facility", 0) + 1
            continue
        if st and re.search(r"委|政府|居委|村委|办事处|公司|医院|学校|大学|管委", name):
            stats["thuocl-dropped-facility"] = stats.get("thuocl-dropped-facility", 0) + 1
            continue
        if st:
            label = st[1]
        elif known:
            label = places.get(name, "GPE")
        elif name in KNOWN_GPE:
            label = "GPE"
        elif any(name.endswith(s) for s in SETTLEMENT_SUFFIXES) and len(name) >= 3 \
                and not name.endswith(NOT_SETTLEMENT):
            label = "GPE"
        elif JIEBA.get(name) == "ns" and name not in FALLBACK_NOISE \
                and not re.search(r"[一二三四五六七八九十]中$|联$|大$|师大$", name):
            label = "LOC"   # jieba knows it as a place, but not as a settlement (东北, 华南, 北疆)
        else:
            stats["thuocl-dropped-unconfirmed"] = stats.get("thuocl-dropped-unconfirmed", 0) + 1
            continue
        if not add(name, label, "thuocl"):
            stats["thuocl-duplicate"] = stats.get("thuocl-duplicate", 0) + 1
    # 6. Natural features from jieba's lexicon (general.txt, MIT): words tagged ns that end in a
    #    LOC suffix (黄河, 太平洋, 珠穆朗玛峰), which THUOCL's frequency list happens to lack.
    for word, tag in JIEBA.items():
        if tag != "ns" or len(word) < 2 or not CJK.match(word) or is_generic(word):
            continue
        st = suffix_type(word)
        if st and st[1] == "LOC" and not re.search(r"[路街桥站厂院局所]", word):
            add(word, "LOC", "jieba-ns")
    return places, source


# ---------------------------------------------------------------- surnames

# 百家姓 (public domain), single surnames, in the text's order, plus the singles that the text's
# "compound" lines hold.
BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛"
    "奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康"
    "伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵"
    "席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗"
    "丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫"
    "乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄"
    "印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮"
    "牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡"
    "国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查"
    "后荆红游竺权逯盖益桓公"
    "仉督晋楚闫法汝鄢涂钦岳帅缑亢况郈商牟佘佴墨哈谯笪年阳佟言福"
)
# Common modern surnames not in the text (or written differently today).
MODERN = "肖付代覃邝冼练揭战粟卿麦占仝植敬原银旷兰谌操栗邸芦苟盘丛过隋尧郦凃雒智宓蹇简扎仇伞"
COMPOUND = [
    "万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫", "尉迟", "公羊",
    "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "公孙", "仲孙", "轩辕", "令狐",
    "钟离", "宇文", "长孙", "慕容", "鲜于", "闾丘", "司徒", "司空", "亓官", "司寇", "子车", "颛孙",
    "端木", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干",
    "百里", "东郭", "南门", "呼延", "归海", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "南宫",
    "第五", "独孤", "完颜", "耶律", "呼衍", "纳兰", "爱新觉罗", "叶赫那拉", "公输", "伯赏",
]
# Traditional forms where they differ (surname usage: 钟→鍾, 于/余/范/谷/姜/党/后 unchanged).
HANT = dict(zip(
    "赵钱孙郑冯陈卫蒋韩杨许吕张严华谢邹窦苏鲁韦马凤费贺汤罗毕邬乐顾萧贝计谈庞纪项蓝闵贾娄颜钟骆"
    "万卢缪应贲邓单龚钮荣储乌栾钭厉刘龙叶蓟怀蔺乔阴苍双闻贡劳郦郏农庄阎连习鱼终满广禄阙欧巩厍聂"
    "阚饶养须丰关荆红权盖东国寿边温宫宁从赖谭时齐黄吴诸经陆云鲍师简车阳晋闫钦帅缑况谯练战麦银旷"
    "兰谌芦盘丛过尧",
    "趙錢孫鄭馮陳衛蔣韓楊許呂張嚴華謝鄒竇蘇魯韋馬鳳費賀湯羅畢鄔樂顧蕭貝計談龐紀項藍閔賈婁顏鍾駱"
    "萬盧繆應賁鄧單龔鈕榮儲烏欒鈄厲劉龍葉薊懷藺喬陰蒼雙聞貢勞酈郟農莊閻連習魚終滿廣祿闕歐鞏厙聶"
    "闞饒養須豐關荊紅權蓋東國壽邊溫宮寧從賴譚時齊黃吳諸經陸雲鮑師簡車陽晉閆欽帥緱況譙練戰麥銀曠"
    "蘭諶蘆盤叢過堯"))
HANT_COMPOUND = {"谷梁": "穀梁", "钟离": "鍾離"}


def build_surnames():
    singles = []
    for ch in BAIJIAXING + MODERN:
        if ch not in singles:
            singles.append(ch)
    out = set(singles) | set(COMPOUND)
    for s in singles:
        if s in HANT:
            out.add(HANT[s])
    for c in COMPOUND:
        t = HANT_COMPOUND.get(c) or "".join(HANT.get(ch, ch) for ch in c)
        out.add(t)
    return sorted(out), len(singles), len(COMPOUND)


# ---------------------------------------------------------------- organisations

ORG_HEADS = [
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "控股", "银行", "大学", "学院", "学校",
    "中学", "小学", "幼儿园", "党校", "研究院", "研究所", "研究中心", "科学院", "工程院", "实验室",
    "协会", "学会", "商会", "工会", "公会", "总会", "委员会", "理事会", "董事会", "联合会", "基金会",
    "促进会", "联谊会", "红十字会", "联盟", "同盟", "组织", "基金", "俱乐部", "合作社", "事务所",
    "出版社", "通讯社", "新闻社", "杂志社", "报社", "社", "电视台", "广播电台", "电台", "台",
    "医院", "卫生院", "法院", "检察院", "人民法院", "政府", "议会", "国会", "委", "办公室", "办",
    "部", "局", "厅", "署", "司", "处", "院", "所", "中心", "站", "党", "军", "部队", "军区", "舰队",
    "队", "厂", "庭", "团", "馆", "署", "行", "支行", "分行", "总行", "集团公司",
]
ORG_HEADS.sort(key=len, reverse=True)
BAD_START = set("的和及与在对向由从把被将这那该此某每各其本我你他她它一两几数")
BAD_WORDS = {"三甲医院", "党政机关", "商业银行", "人民医院", "人民法院", "人民政府", "派出所",
             "中心医院", "国有企业", "民营企业"}
GENERIC_STEMS = {"人民", "中心", "商业", "三甲", "国有", "民营", "私营", "地方", "基层", "当地", "本地",
                 "省级", "市级", "县级", "国家级", "中央", "国家", "政府", "各级", "上级", "下级",
                 "区", "市", "县", "省", "乡", "镇", "村", "总", "分", "支", "新", "老", "大", "小",
                 "第一", "第二", "第三", "附属", "直属", "所属", "专科", "综合", "社区", "街道"}


def org_head(name):
    for h in ORG_HEADS:
        if name.endswith(h):
            return h
    return None


def build_orgs(hanlp_dir, stats):
    kept = set()
    for line in git_show(hanlp_dir, HANLP_COMMIT, HANLP_ORGS):
        parts = line.split()
        if not parts:
            continue
        name = unicodedata.normalize("NFC", parts[0].strip())

        def drop(why):
            stats[why] = stats.get(why, 0) + 1

        if len(name) > 20:
            drop("too-long"); continue
        if re.fullmatch(r"[0-9０-９]+", name) or len(name) < 2:
            drop("digits-or-short"); continue
        if re.match(r"^[0-9０-９一二三四五六七八九十百千万两几数]+[个家所座名位级]", name):
            drop("numeral-phrase"); continue
        if name[0] in BAD_START:
            drop("fragment-start"); continue
        h = org_head(name)
        if h is None:
            drop("no-head"); continue
        stem = name[: -len(h)]
        if len(stem) < 2 or name in BAD_WORDS:
            drop("generic"); continue
        if stem in GENERIC_STEMS or jieba_common(name) or (jieba_common(stem) and len(stem) <= 4
                                                           and not re.search(r"[A-Za-z]", stem)):
            drop("generic"); continue
        if h in ("台", "站", "处", "办", "队", "团", "馆", "行", "庭", "社", "院", "所", "部", "司",
                 "委", "军") and len(name) < 4:
            drop("generic"); continue
        if re.search(r"[A-Za-z]", stem) and re.search(r"(会|店|商店|零售店|旗舰店)$", name):
            drop("product-or-shop"); continue
        if re.search(r"(餐厅|大厅|客厅|舞厅|展厅|餐馆|饭馆|酒馆|茶馆|咖啡馆|市中心|城中心|商店|专卖店)$", name) \
                or (name[0] in "市县区省乡镇村" and name[:2] not in ("市委", "县委", "省委")):
            drop("generic"); continue
        kept.add(name)
    return sorted(kept)


# ---------------------------------------------------------------- main

def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    thuocl_dir, hanlp_dir = sys.argv[1], sys.argv[2]
    stats = {}
    places, source = build_places(thuocl_dir, hanlp_dir, stats)
    lines = sorted(f"{n}\t{l}" for n, l in places.items())
    write(os.path.join(OUT, "places.txt"), [
        "ZhKit place gazetteer: name<TAB>GPE|LOC. Generated by dictionaries/tools/import-gazetteers.py;",
        "see dictionaries/GAZETTEER-NOTES.md for sources, cleaning and counts.",
        f"Sources: Unicode CLDR via Babel {babel.__version__} (Unicode License v3, LICENSE.cldr);",
        f"THUOCL thunlp/THUOCL@{THUOCL_COMMIT[:12]} {THUOCL_DIMING} (MIT, (c) 2018 THUNLP, LICENSE.thuocl);",
        f"HanLP hankcs/HanLP@{HANLP_COMMIT[:12]} {HANLP_PLACES} (Apache-2.0, LICENSE.hanlp);",
        "jieba 0.42.1 dict.txt = dictionaries/general.txt, ns words with a LOC ending (MIT, LICENSE.jieba);",
        "provincial-level divisions listed by hand (facts).",
    ], lines)
    surnames, n_single, n_compound = build_surnames()
    write(os.path.join(OUT, "surnames.txt"), [
        "ZhKit Chinese surnames, one a line: single and compound, Simplified and Traditional forms.",
        "Compiled for ZhKit from the Hundred Family Surnames (百家姓, public domain) and common modern",
        "surnames; facts, CC0 1.0. Generated by dictionaries/tools/import-gazetteers.py.",
    ], surnames)
    ostats = {}
    orgs = build_orgs(hanlp_dir, ostats)
    write(os.path.join(OUT, "org-extra.txt"), [
        "ZhKit extra organisation names, one a line. Generated by dictionaries/tools/import-gazetteers.py.",
        f"Source: HanLP hankcs/HanLP@{HANLP_COMMIT[:12]} {HANLP_ORGS} (Apache-2.0,",
        "LICENSE.hanlp; \"HanLP: https://github.com/hankcs/HanLP\"), filtered to names that end in an",
        "organisation head word; see GAZETTEER-NOTES.md.",
    ], orgs)
    labels = {}
    for n, l in places.items():
        labels[(source[n], l)] = labels.get((source[n], l), 0) + 1
    print("places:", len(places), dict(sorted(labels.items())))
    print("place stats:", stats)
    print("surnames:", len(surnames), "singles", n_single, "compound", n_compound)
    print("orgs kept:", len(orgs), "dropped:", ostats)


if __name__ == "__main__":
    main()
