"""The words the rules share, each list named once (as trafilatura keeps its tokens in ``xpaths.py``).

A rule builds its pattern from these names with ``words(...)`` instead of writing the words into a regex
of its own, so a word added here reaches every rule that reads that kind of word. Lists are in lower
case, as Vietnamese writes them (with tones), in the match_key form (new-style tone placement).
"""
from __future__ import annotations

import re

from cds_facts.tasks.language.patterns import any_of

# Administrative units, the word before a place's name: "huyện Lang Chánh", "phường 3", "TP. Vinh".
PLACE_UNITS = ("thành phố", "thị xã", "thị trấn", "huyện", "quận", "xã", "phường")
PROVINCE_UNITS = ("tỉnh",)
# Words that may describe a place between its unit and its name: "xã miền núi Hương Liên".
PLACE_DESCRIPTORS = ("miền núi", "vùng cao", "biên giới", "ven biển", "đảo", "vùng sâu", "đặc biệt khó khăn")
# Names of a village, the unit under a commune, across regions: "thôn", "ấp" and "khóm" in the south,
# "buôn" and "làng" in the highlands. Cues say "thôn"; a figure of "100% ấp, khóm" counts the same units.
# ("bản" is one too, but also ends "văn bản": it is only ever listed after another village word.)
VILLAGE_UNITS = ("thôn", "ấp", "khóm", "buôn", "làng", "sóc")
# Nouns for the units an indicator "of units" (đơn vị) counts: "129/129 xã, phường vận hành ...".
UNIT_NOUNS = ("đơn vị", "cơ quan", "sở", "ban", "ngành", "ubnd", "ủy ban", *PLACE_UNITS)
# Compounds written with a comma inside one noun phrase: "cơ sở khám, chữa bệnh", "sở, ban, ngành".
COMMA_COMPOUNDS = ("khám, chữa bệnh", "sản xuất, kinh doanh", "sở, ban, ngành", "sở, ngành", "bộ, ngành",
                   "cán bộ, công chức, viên chức", "cán bộ, công chức", "công chức, viên chức")
# Nouns a figure's counted phrase may list, joined by commas or "và": "100% xã, phường, thị trấn",
# "28 nền tảng và cơ sở dữ liệu", "100% doanh nghiệp, tổ chức".
LIST_NOUNS = (*PLACE_UNITS, *VILLAGE_UNITS, "bản", "tổ dân phố", "tỉnh", "cơ quan", "đơn vị", "doanh nghiệp",
              "tổ chức", "hộ", "hộ gia đình", "cá nhân", "cơ sở dữ liệu", "nền tảng", "hệ thống", "trường học",
              "bệnh viện", "trạm y tế", "sở", "ban", "ngành", "người dân", "hợp tác xã")
# Levels of government a figure can be broken down by: "cấp tỉnh 81,38%, cấp huyện ...".
GOVERNMENT_LEVELS = (*PROVINCE_UNITS, *PLACE_UNITS, "sở", "ngành", "trung ương", "địa phương")
# Nouns for a province or a country as a member of a ranked group: "nhóm 10 tỉnh", "top 5 địa phương".
RANKED_UNITS = (*PROVINCE_UNITS, "địa phương", "thành phố", "quốc gia", "nước", "đơn vị")

# Words that open what a figure measures: "Tỷ lệ hồ sơ ... đạt 95%", "Số lượng trạm BTS ...".
MEASURE_HEADS = ("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "số lượng", "tổng số", "chỉ số", "mức độ")
# The head words of an indicator's name that say how it is measured, not what of.
INDICATOR_NAME_HEADS = ("số", "tỷ lệ", "tỉ lệ", "xếp hạng", "điểm", "năng lực", "mức độ")
# DTI's three pillars, by name and acronym.
PILLAR_WORDS = ("chính quyền số", "kinh tế số", "xã hội số", "cqs", "kts", "xhs")
# What a rank or a score can be of. Indices and pillars: "chỉ số chuyển đổi số (DTI)", "trụ cột kinh tế số",
# "Chỉ số cải cách hành chính (PAR Index)", "mức độ chuyển đổi số".
INDEX_WORDS = (*PILLAR_WORDS, "chỉ số", "bộ chỉ số", "dti", "chuyển đổi số", "cđs", "mức độ chuyển đổi số",
               "mức độ cđs", "trụ cột", "par index", "cải cách hành chính", "ict index", "egdi", "chính phủ điện tử",
               "chính phủ số")
# Indices the catalogue does not hold: a rank of one of them is no DTI rank ("thứ 7 về Chỉ số hài lòng").
OTHER_INDICES = ("chỉ số hài lòng", "mức độ hài lòng", "sự hài lòng", "sipas", "pci", "papi",
                 "chỉ số năng lực cạnh tranh", "năng lực cạnh tranh", "chỉ số hiệu quả quản trị", "chỉ số xanh",
                 "pgi", "grdp", "tăng trưởng", "chỉ số sản xuất công nghiệp", "chỉ số phát triển con người")
# Measures a rank can be of that are no index: "dẫn đầu cả nước về tỷ lệ hồ sơ ...", "tỷ trọng ... đứng thứ 3".
RANKED_MEASURES = ("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "số lượng", "tổng số", "quy mô", "doanh thu",
                   "tốc độ tăng trưởng", "số hồ sơ", "lượng hồ sơ", "số giao dịch", "lượt")
# A region's provinces: a rank among them is no national rank ("thứ 9/13 tỉnh vùng Đồng bằng sông Cửu Long").
REGION_WORDS = ("vùng", "khu vực", "miền", "đồng bằng sông cửu long", "tây nguyên", "trung du", "duyên hải",
                "bắc trung bộ", "nam trung bộ", "đông nam bộ", "tây bắc", "đông bắc", "trong vùng")
# Who a rank can be of inside a province's own ranking: "thứ 3 là Sở Giáo dục và Đào tạo". Such a rank is
# an agency's place among agencies, no province's place in a national table.
AGENCY_WORDS = ("sở", "ban", "văn phòng", "ubnd", "ủy ban", "đơn vị", "cơ quan", "bộ", "huyện", "thị xã",
                "quận", "xã", "phường")
# The heads of the names of bodies, plans and events: an index's words inside such a name ("Ban Chỉ đạo chuyển
# đổi số tỉnh", "Kế hoạch chuyển đổi số năm 2024", "Hội nghị chuyển đổi số") name the body, not what is ranked.
BODY_NAMES = ("ban chỉ đạo", "ban điều hành", "hội đồng", "ủy ban", "trung tâm", "sở", "hội nghị", "hội thảo",
              "diễn đàn", "kế hoạch", "chương trình", "đề án", "chiến lược", "nghị quyết", "ngày", "tuần lễ",
              "giải thưởng", "cuộc thi", "tổ công tác", "hiệp hội", "câu lạc bộ", "văn phòng", "cục", "vụ")
# Verbs that introduce what a source says: "Sở Thông tin và Truyền thông cho biết, ...": the source is no subject.
REPORTING_VERBS = ("cho biết", "thông tin", "báo cáo", "nhấn mạnh", "khẳng định", "chia sẻ", "thông báo", "nêu rõ")
# Verbs that end a body's name: what follows them is said of it.
NAME_ENDING_VERBS = ("đã", "đang", "sẽ", "xếp", "đứng", "đạt", "có", "là", "được", "cho biết", "ban hành", "tổ chức",
                     "công bố", "triển khai", "thực hiện", "phê duyệt", "ký")
# Whose figure: the country ("Cả nước có ...", "... của cả nước"), the world.
COUNTRY_WORDS = ("cả nước", "toàn quốc", "việt nam", "nước ta", "quốc gia")
WORLD_WORDS = ("thế giới", "toàn cầu", "quốc tế", "liên hợp quốc")
# Words that may open a clause before whose figure it is: "Riêng Bộ Y tế có ...", "Bình quân chung cả nước, ...".
SCOPE_LEADS = ("riêng", "còn", "trong đó", "đối với", "hiện nay", "hiện", "trên", "tính chung", "bình quân chung",
               "bình quân", "trung bình", "tính trung bình", "theo đó")
# The provinces together, as a clause's subject: "Các địa phương cung cấp 6.000 dịch vụ", "63 tỉnh, thành phố
# đã ...": a sum or a spread over provinces, no one province's figure.
PROVINCES_TOGETHER = ("các địa phương", "nhiều địa phương", "các tỉnh, thành phố", "các tỉnh, thành", "các tỉnh thành",
                      "tỉnh, thành phố", "tỉnh, thành", "các tỉnh")
# A headline said of a whole sector, nationwide when it names no province: "Toàn ngành Tư pháp ...".
SECTOR_WORDS = ("toàn ngành", "ngành")
# Verbs of a change: "tăng 5 bậc", "giảm 3%".
CHANGE_VERBS = ("tăng", "giảm")

# Years said from the article's own: "năm nay" (this year), "năm ngoái" (last year). Not "năm qua" nor
# "năm trước": "năm qua" may be the last twelve months or "những năm qua" (recent years), "hai năm trước" is
# two years ago.
THIS_YEAR_WORDS = ("năm nay", "trong năm nay")
LAST_YEAR_WORDS = ("năm ngoái",)
# Units of time: a numeral before one is a duration or a date, not a quantity ("6 tháng đầu năm").
TIME_UNITS = ("tháng", "năm", "ngày", "tuần", "quý", "giờ", "phút", "giây", "thập kỷ", "thế kỷ")
# Words after a numeral that multiply it: "11,07 triệu" -> 11 070 000.
MULTIPLIERS = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
# Nouns a number after them names rather than counts: "Phần mềm 158", "ứng dụng 1022" (when no counted noun
# follows: "hệ thống 158 camera" counts cameras).
PRODUCT_NOUNS = ("phần mềm", "ứng dụng", "app", "hệ thống", "nền tảng", "cổng", "trang", "kênh", "đầu số")
# Words that may follow a name, so that what stands after a number is no noun it counts: "Phần mềm 158 được ...".
WORDS_AFTER_A_NAME = ("được", "đã", "đang", "sẽ", "của", "và", "giúp", "là", "với", "có", "tại", "cho", "này",
                      "trên", "do", "để", "nhằm", "vào", "đến", "tới", "hỗ trợ", "phục vụ", "triển khai")
# Names of standards and certification levels a number belongs to: "chuẩn Tier 3", "ISO 27001".
STANDARD_NAMES = ("tier", "iso", "iec", "tcvn", "tiêu chuẩn", "chuẩn", "uptime tier", "pci dss", "cmmi")
# Words that put a ranked group at the bottom of its table: "nhóm 10 tỉnh đứng cuối".
BOTTOM_WORDS = ("đứng cuối", "xếp cuối", "cuối bảng", "thấp nhất", "cuối cùng", "chót", "bét")
# Kinds of legal document a number names: "Quyết định số 116", "Nghị định 42/2022/NĐ-CP".
DOCUMENT_TYPES = ("nghị quyết", "nghị định", "quyết định", "thông tư", "chỉ thị", "công văn", "kết luận", "luật",
                  "kế hoạch", "văn bản", "công điện", "tờ trình", "thông báo", "đề án", "chương trình")

# The word right before a numeral that qualifies it: "trên 11,07 triệu", "gần 105.815", "top 10".
QUALIFIER_WORDS = {
    "more_than": ("trên", "hơn", "vượt", "nhiều hơn"),
    "approx": ("khoảng", "gần", "xấp xỉ", "chừng", "ước", "ước tính", "ước khoảng", "khoảng chừng"),
    "less_than": ("dưới", "chưa đến", "chưa tới", "chưa đầy", "ít hơn", "không đến"),
    "at_least": ("ít nhất", "tối thiểu"),
    "at_most": ("tối đa", "không quá", "top", "tốp", "nhóm"),
}

# Words that make a figure a target ("mục tiêu", "phấn đấu", "kế hoạch ... đặt ra"), and those after a goal
# that report a result instead ("vượt mục tiêu", "hoàn thành chỉ tiêu").
GOAL_WORDS = ("mục tiêu", "phấn đấu", "chỉ tiêu", "dự kiến", "kỳ vọng", "hướng tới", "sẽ", "theo kế hoạch",
              "đặt ra", "đề ra")
GOAL_NOUNS = ("mục tiêu", "chỉ tiêu", "kế hoạch")
RESULT_VERBS = ("vượt", "hoàn thành", "đạt", "đáp ứng")
RESULT_WORDS = ("kết quả", "thực tế", "trên thực tế", "thực hiện được")
# Words that report where things stand now, after a goal: "mục tiêu ... 100%; hiện đã đạt 78%".
NOW_WORDS = ("hiện", "hiện nay", "hiện tại", "đến nay", "tới nay", "đến thời điểm này")

# How a masthead's slogan under the site's name begins: "Cơ quan của Đảng bộ, Chính quyền, Nhân dân tỉnh ...",
# "Tiếng nói của Đảng bộ, chính quyền và nhân dân ...".
MASTHEAD_SLOGANS = ("cơ quan của", "cơ quan ngôn luận của", "tiếng nói của", "diễn đàn của", "cơ quan chủ quản")
# Tail markers that open a box of related links, which a page may print inside the article: after its links
# the article goes on. Other tail markers (comments, footers) end the article for good.
RELATED_BOX_MARKERS = ("tin liên quan", "bài liên quan", "bài viết liên quan", "xem thêm", "đọc thêm",
                       "tin tức liên quan", "có thể bạn quan tâm")

# Words an outlet's name begins with: "Báo Cà Mau", "Cổng thông tin điện tử tỉnh ...".
OUTLET_WORDS = ("báo", "đài", "tạp chí", "cổng thông tin", "trang thông tin", "thông tấn xã", "truyền hình")


def words(*lists: tuple[str, ...] | list[str]) -> str:
    """A regex source matching any word of the lists (prefix-merged, the longest first), to put in a pattern."""
    return any_of(sorted({word for group in lists for word in group}))


def whole_words(*lists: tuple[str, ...] | list[str], flags: int = 0) -> re.Pattern:
    """A pattern finding any word of the lists as whole words."""
    return re.compile(rf"(?<!\w)(?:{words(*lists)})(?!\w)", flags)
