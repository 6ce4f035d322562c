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
# Words right after a province's name that make it a former one: "tỉnh Hà Nam (cũ)", "Hà Giang trước sáp nhập".
# An article names a former province for where something came from, not for whom it is about.
FORMER_MARKS = ("cũ", "trước đây", "trước sáp nhập", "trước khi sáp nhập", "trước hợp nhất", "trước khi hợp nhất")
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

# Words before a counted noun that say how it is counted, not what: "các xã", "lượt văn bản", "chiếc xe".
COUNTING_WORDS = ("các", "những", "mọi", "lượt", "chiếc", "cái", "con", "người")
# Units a figure may be said to be "on the territory of" in passing: "trên địa bàn tỉnh", "trên địa bàn huyện".
TERRITORY_UNITS = ("tỉnh", "thành phố", "huyện", "thị xã", "xã", "phường")
TERRITORY_WORDS = ("địa bàn",)  # "trên địa bàn" says the figure is of a territory, the province's
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
# Where a table a rank stands on is named after it: "thứ 23 trên bảng xếp hạng ...".
TABLE_PREPOSITIONS = ("trên", "trong", "tại", "của")
# Index names a rank or a score may be followed by as its own: "0,5967 điểm DTI".
INDEX_NAMES_AFTER = ("dti", "chỉ số", "par index", "ict index")
# Words that refer back to the index named before: "bộ chỉ số này", "chỉ số trên".
INDEX_NOUNS = ("bộ chỉ số", "chỉ số")
BACK_REFERENCES = ("này", "trên", "đó")
# Words that end an index's name before what is said of it: "chỉ số DTI năm 2022 xếp thứ ...".
NAME_ENDING_WORDS = ("xếp", "đứng", "đạt", "tăng", "giảm", "được", "là", "với", "và", "thứ", "hạng")
# Who a rank can be of inside a province's own ranking: "thứ 3 là Sở Giáo dục và Đào tạo". Such a rank is
# an agency's place among agencies, no province's place in a national table.
AGENCY_WORDS = ("sở", "ban", "văn phòng", "ubnd", "ủy ban", "đơn vị", "cơ quan", "bộ", "huyện", "thị xã",
                "quận", "xã", "phường")
# Words a unit's word begins without naming a unit: "xã hội số" is DTI's pillar, no commune; "ban hành" a verb.
NOT_UNITS = ("xã hội", "ban hành", "ban đầu", "bộ chỉ số", "bộ tiêu chí")
# The heads of the names of bodies, plans and events: an index's words inside such a name ("Ban Chỉ đạo chuyển
# đổi số tỉnh", "Kế hoạch chuyển đổi số năm 2024", "Hội nghị chuyển đổi số") name the body, not what is ranked.
BODY_NAMES = ("ban chỉ đạo", "ban điều hành", "hội đồng", "ủy ban", "trung tâm", "sở", "hội nghị", "hội thảo",
              "diễn đàn", "kế hoạch", "chương trình", "đề án", "chiến lược", "nghị quyết", "ngày", "tuần lễ",
              "giải thưởng", "cuộc thi", "tổ công tác", "hiệp hội", "câu lạc bộ", "văn phòng", "cục", "vụ")
# Verbs that introduce what a source says: "Sở Thông tin và Truyền thông cho biết, ...": the source is no subject.
# Those that are never nouns introduce it without a comma too ("Bộ ... cho biết cả nước có ..."); "thông tin"
# and "báo cáo" are also nouns ("công nghệ thông tin", "báo cáo của Bộ"), so only a comma after them ends a
# preamble.
REPORTING_VERBS_ALONE = ("cho biết", "cho thấy", "nhấn mạnh", "khẳng định", "chia sẻ", "thông báo", "nêu rõ", "công bố")
REPORTING_NOUN_VERBS = ("thông tin", "báo cáo")
REPORTING_VERBS = (*REPORTING_VERBS_ALONE, *REPORTING_NOUN_VERBS)
# Verbs that end a body's name: what follows them is said of it.
NAME_ENDING_VERBS = ("đã", "đang", "sẽ", "xếp", "đứng", "đạt", "có", "là", "được", "cho biết", "ban hành", "tổ chức",
                     "công bố", "triển khai", "thực hiện", "phê duyệt", "ký")
# Words before the country that make it the figure's owner: "của cả nước", "trung bình toàn quốc".
COUNTRY_OWNER_WORDS = ("của", "trên", "toàn", "trung bình", "bình quân")
AVERAGE_WORDS = ("bình quân", "trung bình")
AVERAGE_VERBS = ("là", "đạt", "ở mức", "với", "khoảng")  # "trung bình cả nước là 65%"
# What a country's rank is out of: "xếp thứ 71/193 quốc gia", "thứ 46 thế giới".
COUNTRIES_RANKED = ("quốc gia", "nước", "nền kinh tế", "vùng lãnh thổ")
RANKED_AMONG = ("trên", "của")  # "xếp thứ 71 trên 193 quốc gia"
# The ministries by their names after "Bộ", long forms and the short ones the press writes, before and after
# the 2025 merger: a ministry's name is its evidence whole ("Bộ Thông tin và Truyền thông", not "Bộ Thông").
# A capitalised word after "Bộ" still names one the list lacks ("Bộ Ngoại giao" reads as "Bộ Ngoại").
MINISTRY_NAMES = ("công an", "quốc phòng", "ngoại giao", "nội vụ", "tư pháp", "tài chính", "công thương", "y tế",
                  "xây dựng", "giao thông vận tải", "thông tin và truyền thông", "kế hoạch và đầu tư",
                  "khoa học và công nghệ", "giáo dục và đào tạo", "lao động - thương binh và xã hội",
                  "lao động, thương binh và xã hội", "nông nghiệp và phát triển nông thôn", "nông nghiệp và môi trường",
                  "tài nguyên và môi trường", "văn hóa, thể thao và du lịch", "văn hoá, thể thao và du lịch",
                  "dân tộc và tôn giáo", "tt&tt", "tt-tt", "tt và tt", "kh&cn", "khcn", "kh-cn", "khđt", "kh&đt",
                  "kh-đt", "gd&đt", "gdđt", "gd-đt", "lđtbxh", "lđ-tb&xh", "nn&ptnt", "nn-ptnt", "nn&mt", "tn&mt",
                  "tnmt", "vhttdl", "vh-tt&dl", "gtvt")
# The central government as a clause's or a headline's subject: its goals and figures are the country's
# ("Chính phủ đặt mục tiêu ...", "Thủ tướng yêu cầu ..."). "Chính phủ số", "Chính phủ điện tử" are index names.
CENTRAL_GOVERNMENT = ("chính phủ", "thủ tướng chính phủ", "thủ tướng", "quốc hội", "trung ương")
INDEX_NAMES_AFTER_GOVERNMENT = ("số", "điện tử")
# The word every ministry's name and "cơ quan ngang bộ" hold.
MINISTRY_HEADS = ("bộ",)
# Words after a comma that continue a ministries' subject rather than end a preamble: "các bộ, ngành".
MINISTRY_LIST_WORDS = ("ngành", "ban", "cơ quan ngang bộ")
# ... and a provinces' subject: "63 tỉnh, thành phố".
PROVINCE_LIST_WORDS = ("thành phố", "thành")
# Whose figure: the country ("Cả nước có ...", "... của cả nước"), the world.
COUNTRY_WORDS = ("cả nước", "toàn quốc", "việt nam", "nước ta", "quốc gia")
# A piece of every word of COUNTRY_WORDS, and of COUNTRY_AS_WHOLE: a rule tests these substrings before it
# runs their pattern (tests/meaning/test_vocabulary.py holds them to it).
COUNTRY_HINTS = ("nước", "quốc", "việt")
COUNTRY_AS_WHOLE_HINTS = ("nước", "quốc")
# The country as a whole, which a noun phrase may be said of: "tỷ trọng kinh tế số trong GDP cả nước". ("quốc
# gia" also names national systems, "Cổng Dịch vụ công quốc gia"; "Việt Nam" names firms and bodies.)
COUNTRY_AS_WHOLE = ("cả nước", "toàn quốc", "nước ta")
# Words before the country that make it a scale or a comparison's base, not whose: "cao nhất cả nước", "đứng
# đầu cả nước", "so với cả nước", "thứ 5 cả nước", "vượt mức trung bình cả nước".
COUNTRY_SCALE_WORDS = ("nhất", "đầu", "thứ", "hạng", "top", "tốp", "nhóm", "so với", "hơn", "vượt", "bằng", "gấp",
                       "trong số", "sau", "với")
WORLD_WORDS = ("thế giới", "toàn cầu", "quốc tế", "liên hợp quốc")
# Words that may open a clause before whose figure it is: "Riêng Bộ Y tế có ...", "Bình quân chung cả nước, ...".
SCOPE_LEADS = ("riêng", "còn", "trong đó", "đối với", "hiện nay", "hiện", "trên", "tính chung", "bình quân chung",
               "bình quân", "trung bình", "tính trung bình", "theo đó")
# The provinces together, as a clause's subject: "Các địa phương cung cấp 6.000 dịch vụ", "63 tỉnh, thành phố
# đã ...": a sum or a spread over provinces, no one province's figure.
PROVINCES_TOGETHER = ("các địa phương", "nhiều địa phương", "các tỉnh, thành phố", "các tỉnh, thành", "các tỉnh thành",
                      "tỉnh, thành phố", "tỉnh, thành", "các tỉnh")
# Nouns a count of provinces counts: "20 tỉnh", "63 tỉnh, thành phố". A province has no provinces, so such a
# count, and a figure said of it ("có 20 tỉnh đạt trên 50%"), is the provinces' together. ("địa phương" also
# names a province's districts and communes: "13/13 địa phương cấp huyện".)
PROVINCE_COUNT_NOUNS = ("tỉnh", "tỉnh, thành phố", "tỉnh, thành", "tỉnh thành", "tỉnh/thành phố", "tỉnh/thành")
PROVINCE_COUNT_HINT = "tỉnh"  # in every one of them: a rule tests it before their pattern
# A headline said of a whole sector, nationwide when it names no province: "Toàn ngành Tư pháp ...".
SECTOR_WORDS = ("toàn ngành", "ngành")
# Verbs of a change: "tăng 5 bậc", "giảm 3%", and the particles that may follow them ("tăng thêm 5 bậc").
CHANGE_VERBS = ("tăng", "giảm")
CHANGE_PARTICLES = ("thêm", "đi", "được")

# --- the words of relations between a figure and what stands around it ---------------------------------
# Words that compare a figure with another: "tương đương 101,3% số người dân có điện thoại thông minh".
COMPARISON_WORDS = ("tương đương", "tương ứng với", "bằng", "gấp", "so với", "hơn")
# Words that join a percent to the count before it as its share: "đã số hóa 57.877 hồ sơ, đạt 99,1%".
SHARE_VERBS = ("đạt", "chiếm", "tương ứng", "tương ứng với", "là", "bằng", "bằng khoảng")
# Words that open the parts of the figure before: "1.805 dịch vụ, trong đó có 900 ...".
PARTS_WORDS = ("trong đó", "bao gồm", "gồm")
# Words before a level of government that label a part: "cấp tỉnh", "khối huyện", "các xã", "toàn tỉnh".
LEVEL_PREFIXES = ("cấp", "khối", "các", "toàn")
# What a share is said to be out of opens with these: "trên tổng số người sử dụng di động".
SHARE_BASE_OPENERS = ("trên", "so với")
SHARE_BASE_QUALIFIERS = ("khoảng", "gần", "hơn", "trên", "gần như")
# What may stand in a percent's words when it repeats the measure before it: "cấp huyện đạt 72%", "cũ".
ELLIPSIS_WORDS = ("cũ", "và", "còn", "riêng", "tỉnh", "thành phố", "đến", "tới", "trong", "khi", "vào", "cuối",
                  "tiếp đến", "tiếp theo", "kế đến", "sau đó", "như", "là")
# ... and what says it is the value of an average the figure before is compared with: "đạt 68%, cao hơn mức
# trung bình cả nước là 45%".
COMPARED_AVERAGE_WORDS = ("cao hơn", "thấp hơn", "hơn", "vượt", "so với", "mức", "bình quân", "trung bình", "chung",
                          "của", *COUNTRY_WORDS)
# Words that open a topic the clause after it is about: "Về hạ tầng số, toàn tỉnh có ...", "Đối với dịch vụ công
# trực tuyến, ...". A figure's measure may be in its topic; it is not in a purpose, a cause or a concession
# before it ("Để nâng tỷ lệ hồ sơ trực tuyến, tỉnh đã hỗ trợ 85% người dân ...").
TOPIC_OPENERS = ("về", "đối với", "trong lĩnh vực", "ở lĩnh vực", "lĩnh vực", "riêng", "riêng về", "với", "còn",
                 "trong đó", "về mặt")
# Words that, alone between a break and a figure, predicate it of what stands before the break: "Tỷ lệ ... được
# cải thiện, đạt 65%", "..., chỉ đạt 30%".
PREDICATE_ADVERBS = ("chỉ", "mới", "đã", "cũng", "đều", "vẫn", "hiện", "ước", "dự kiến", "tiếp tục", "bình quân",
                     "trung bình")
# Verbs a figure is predicated by: "Tỷ lệ ... đạt 85%", "ở mức 70%".
PREDICATE_VERBS = ("đạt", "là", "với", "chiếm", "lên", "ở mức")
# The words a rank's numeral follows: "xếp thứ 15", "hạng 7".
RANK_WORDS = ("thứ", "hạng")
# Verbs that say who holds a rank named before them: "thứ 2 là Hà Nội", "vị trí thứ 3 thuộc về Quảng Ninh".
HOLDER_VERBS = ("là", "thuộc về")
# The words before a province's name: "tỉnh Quảng Trị", "thành phố Đà Nẵng", "TP. Huế".
PROVINCE_PREFIXES = ("tỉnh", "thành phố", "tp")
# Words that join names into one subject: "Quảng Bình, Hà Tĩnh và Huế", "Đà Nẵng cùng Huế".
JOINING_WORDS = ("và", "cùng")
# Words that tie a figure to a province named right after it: "1.805 dịch vụ của tỉnh Cà Mau".
OWNER_PREPOSITIONS = ("của", "tại", "ở", "thuộc", "trên địa bàn")
# Of them, those that say whose rather than where: "1.805 dịch vụ công trực tuyến của tỉnh Cà Mau" is Cà Mau's
# however long its noun phrase, while "cử 50 cán bộ đi học tại Hà Nội" says where, only right by the figure.
POSSESSIVE_PREPOSITIONS = ("của", "thuộc")
# Words that open a deadline: "đến năm 2025", "tới cuối tháng 6".
DEADLINE_WORDS = ("đến", "tới")
# A span from a year until now: "từ năm 2021 đến nay" dates a cumulative figure to no one year.
SINCE_WORDS = ("từ", "kể từ")
UNTIL_NOW_WORDS = ("đến nay", "tới nay", "đến hiện nay", "đến hiện tại", "đến thời điểm này", "tới thời điểm này")
DEADLINE_EDGES = ("cuối", "hết")
PERIOD_EDGES = ("cuối", "đầu", "hết", "giữa")  # "so với cuối năm 2023"
CALENDAR_UNITS = ("năm", "tháng", "quý")
# Words that make the nouns after them plural, listed as parts of another: "sắp xếp các phường Lam Hạ".
PLURAL_MARKERS = ("các", "những")
# A figure said per unit, not of the whole: "bình quân mỗi xã có 5 tổ công nghệ số", "từng trường có 2 phòng".
# What the catalogue counts is the province's total, so such a figure is none of its values. Per unit of
# time ("mỗi năm", "mỗi ngày") is a rate of the whole and stays.
PER_UNIT_WORDS = ("mỗi", "từng")
PER_UNIT_NOUNS = (*PLACE_UNITS, *VILLAGE_UNITS, "hộ", "hộ gia đình", "người", "người dân", "doanh nghiệp", "cơ quan",
                  "đơn vị", "trường", "trường học", "địa phương", "cán bộ", "học sinh")
# Bases of a rate per hundred: "85 thuê bao/100 dân", "trên 100 hộ gia đình".
RATE_BASE_NOUNS = ("dân", "người dân", "hộ gia đình", "hộ")
# Nouns after "điểm" that make it a place, not a score: "điểm phát wifi", "điểm giao dịch", "điểm bưu điện".
PLACES_CALLED_POINTS = ("phát", "giao dịch", "truy cập", "wifi", "du lịch", "cầu", "bưu điện", "bưu chính",
                        "phục vụ", "tiếp nhận", "kết nối", "cung cấp")
# The province as a whole, which ends what a paragraph said of one place in it: "toàn tỉnh", "tỉnh đã ...".
WHOLE_PROVINCE_WORDS = ("toàn tỉnh", "cả tỉnh", "toàn thành phố", "tỉnh", "thành phố")
# How a paragraph opens on a place: "Ở xã ...", "Tại Phường 1, ...", "Riêng thị trấn ...".
PLACE_OPENERS = ("ở", "tại", "riêng", "còn", "với")
# Village units the gazetteer does not hold, which may open a paragraph before its commune: "Tại khóm 3, ...".
HAMLET_UNITS = ("bản", "tổ dân phố", "khu phố")

# Words that introduce the year a figure is compared with: "so với năm 2022", "cao hơn cùng kỳ năm 2023".
COMPARING_WORDS = ("so với", "so", "hơn", "với")
SAME_PERIOD_WORDS = ("cùng kỳ", "cùng thời điểm")
# Index names a year may follow as the year of their table: "DTI 2022", "chỉ số chuyển đổi số năm 2023".
INDEX_YEAR_NAMES = ("dti", "par index", "ict index", "pci", "chỉ số chuyển đổi số", "chỉ số cđs", "mức độ chuyển đổi số",
                    "mức độ cđs")
# What reports a goal met: "đều đạt", "đã vượt"; "mục tiêu đề ra"; "hiện đã đạt".
RESULT_ADVERBS = ("đều", "đã")
GOAL_SETTING_VERBS = ("đề ra", "đặt ra", "đã đề ra", "đã đặt ra")
MET_VERBS = ("đạt", "vượt", "hoàn thành")
NOW_VERBS = ("đạt", "có")
NOW_ADVERBS = ("đã", "mới")
# Words that end a counted noun phrase: "1.805 dịch vụ công trực tuyến, trong đó ..." stops at the comma.
PHRASE_END_WORDS = ("và", "với", "được", "đã", "đang", "sẽ", "đạt", "là", "có", "thì", "nhưng", "hoặc", "cùng", "để",
                    "trong", "tại", "trên", "theo", "so", "từ", "đến", "tới", "khi", "nên", "do", "vì", "nhằm", "đều",
                    "bao gồm", "chiếm")
# Words that join a subject to its figure: "Tỷ lệ ... đạt 85%", "... là 4.970 trạm", "... trung bình khoảng 70%".
SUBJECT_TAIL_WORDS = ("đạt", "là", "chiếm", "lên", "tới", "đến", "ở mức", "trung bình", "bình quân", "đều", "khoảng",
                      "trên", "hơn", "gần", "dưới", "với", "vào khoảng")
# Years said from the article's own: "năm nay" (this year), "năm ngoái" (last year). Not "năm qua" nor
# "năm trước": "năm qua" may be the last twelve months or "những năm qua" (recent years), "hai năm trước" is
# two years ago.
THIS_YEAR_WORDS = ("năm nay", "trong năm nay")
LAST_YEAR_WORDS = ("năm ngoái",)
# Units of time: a numeral before one is a duration or a date, not a quantity ("6 tháng đầu năm").
TIME_UNITS = ("tháng", "năm", "ngày", "tuần", "quý", "giờ", "phút", "giây", "thập kỷ", "thế kỷ")
# --- the words around a numeral that say what kind of quantity it is, or that it is none ------------------
# The Vietnamese currency after a sum: "300 triệu đồng", "50.000đ" (lower case), "2 tỷ VNĐ" (a code, any case).
DONG_WORDS = ("đồng", "đ")
VND_CODES = ("vnd", "vnđ")
# Currencies other than the đồng: a sum in one is no VND figure.
FOREIGN_CURRENCIES = ("usd", "đô la", "us$", "eur", "euro", "yên", "nhân dân tệ")
# Nouns of money a sum follows without "đồng" ("doanh thu 2.500 tỷ"), and the verbs between them.
MONEY_NOUNS = ("doanh thu", "doanh số", "vốn", "kinh phí", "ngân sách", "giá trị", "tổng mức", "chi phí", "nguồn thu",
               "thu nhập", "tổng thu", "tổng chi", "đầu tư")
MONEY_VERBS = ("là", "đạt", "hơn", "trên", "khoảng", "gần", "ước", "lên", "tới", "đến")
# Function words after a sum: what follows them is not what it counts ("1,5 tỷ cho 20 xã").
WORDS_AFTER_A_SUM = ("cho", "để", "và", "trong", "từ", "với", "nhằm", "năm", "của", "so", "nhưng", "tăng", "giảm")
# Words after "điểm" that keep it a score ("0,5967 điểm DTI", "962,73 điểm, xếp thứ 15"): any other word makes it
# a place counted ("2.000 điểm phát wifi").
WORDS_AFTER_A_SCORE = ("và", "trên", "so", "với", "xếp", "đứng", "tăng", "giảm", "của", "là", "đạt", "trong", "năm",
                       "cao", "thấp", "dti", "par", "ict", "pci", "chỉ số", "chuyển đổi số", "cđs", "trung bình",
                       "bình quân")
# Storage units, with their size in TB: "135TB", "2 PB".
STORAGE_UNITS = {"tb": 1.0, "terabyte": 1.0, "pb": 1000.0, "gb": 0.001}
# Words a numeral after them labels rather than counts: "thôn 2", "Quận 1", "Điều 5", "hotline 1900".
LABEL_WORDS = ("thôn", "xóm", "ấp", "khóm", "tổ", "khu", "khu phố", "phường", "quận", "đội", "lô", "đường", "điều",
               "khoản", "chương", "mục", "phần", "bài", "tầng", "phòng", "câu", "tập", "kỳ", "khóa", "lần", "số nhà",
               "hotline", "đt", "điện thoại", "phiên bản", "quốc lộ", "tỉnh lộ", "tổng đài", "đường dây nóng",
               "giai đoạn")
LEVEL_WORDS = ("mức độ", "cấp độ")  # "dịch vụ công mức độ 3, 4": both numerals are levels
# Words before a day/month date: "ngày 16/1", "sáng 21/5".
DAY_WORDS = ("ngày", "sáng", "chiều", "trưa", "tối", "đêm", "hôm", "từ ngày", "đến ngày")
# Events whose ordinal is no rank: "kỳ họp thứ 7", "lần thứ 3".
EVENT_WORDS = ("lần", "kỳ", "khóa", "phiên", "đợt", "họp", "hội nghị", "đại hội", "tuần", "ngày", "năm")
# Joining a ranked group: "vào nhóm 10", "lọt top 20".
GROUP_JOINING_VERBS = ("vào", "thuộc", "trong", "lọt")
TOP_WORDS = ("top", "tốp")
GROUP_WORDS = (*TOP_WORDS, "nhóm")
# The end of a range: "từ 60 đến 70%".
RANGE_END_WORDS = ("đến", "tới")
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
GOAL_NOUNS = ("mục tiêu", "chỉ tiêu", "kế hoạch", "yêu cầu")
# Verbs of a directive, which set a goal for whom they name: "Thủ tướng yêu cầu các bộ, ngành đạt 80% ...".
# After these words they are nouns and set none: "đáp ứng yêu cầu", "theo yêu cầu", "các yêu cầu". ("chỉ đạo"
# is no such verb: it is mostly a noun, "công tác chỉ đạo", "Ban Chỉ đạo".)
DIRECTIVE_VERBS = ("yêu cầu",)
DIRECTIVE_AS_NOUN_AFTER = ("theo", "đáp ứng", "với", "các", "những", "mọi", "của", "là", "và", "sự")
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

# A page's chrome, the controls and links around an article (match_key form): font-size widgets ("Xem với cỡ
# chữ: A- A A+"), print, send and share links, navigation, sign-in and search, social buttons, cookie
# notices. A line made of these alone is never a title and never the article's text.
PAGE_CHROME = ("xem với", "cỡ chữ", "font chữ", "kích thước chữ", "phóng to", "thu nhỏ", "mặc định", "in bài",
               "in trang", "in bài viết", "bản in", "gửi bài", "gửi bài viết", "gửi email", "gửi cho bạn bè",
               "gửi tin", "chia sẻ", "chia sẻ bài viết", "lưu bài", "lưu tin", "lưu", "bình luận",
               "gửi bình luận", "nghe đọc bài", "nghe bài viết", "nghe", "đọc bài", "trang chủ", "quay lại",
               "trở lại", "về đầu trang", "đầu trang", "lên đầu trang", "copy link", "sao chép liên kết",
               "bình chọn", "theo dõi", "thích", "facebook", "zalo", "twitter", "youtube", "tiktok", "linkedin",
               "telegram", "email", "e-mail", "rss", "đăng nhập", "đăng ký", "đăng xuất", "tìm kiếm",
               "cookie", "cookies", "chấp nhận", "đồng ý", "từ chối", "tắt", "bật", "đóng", "menu")
# Sections of a news site's menu, as its navigation rows list them: "Thời sự | Kinh tế | Chuyển đổi số".
# A line made of nothing else is the menu, whatever separates its items.
SECTION_NAMES = ("thời sự", "chính trị", "kinh tế", "xã hội", "văn hóa", "văn hoá", "thể thao", "giáo dục", "y tế",
                 "sức khỏe", "sức khoẻ", "pháp luật", "quốc tế", "thế giới", "trong nước", "du lịch", "khoa học",
                 "công nghệ", "khoa học công nghệ", "chuyển đổi số", "giải trí", "đời sống", "bất động sản",
                 "tin tức", "sự kiện", "tin tức sự kiện", "tin mới", "tin nóng", "tin nổi bật", "tiêu điểm",
                 "multimedia", "video", "ảnh", "podcast", "emagazine", "e-magazine", "longform", "infographic",
                 "infographics", "media", "nông nghiệp", "nông thôn mới", "an ninh", "quốc phòng", "trật tự",
                 "xây dựng đảng", "chính quyền", "chính quyền hai cấp", "doanh nghiệp", "doanh nhân", "tài chính",
                 "đầu tư", "thị trường", "bạn đọc", "ý kiến", "diễn đàn", "góc nhìn", "phóng sự", "điều tra",
                 "địa phương", "hoạt động", "văn bản", "giới thiệu", "liên hệ", "quảng cáo", "môi trường",
                 "lao động", "việc làm", "tuyển sinh", "xe", "số hóa", "kinh doanh", "người việt", "radio",
                 "truyền hình", "phát thanh", "báo in", "tòa soạn", "toà soạn", "chuyên đề", "ảnh đẹp")
# The font-size widget's own tokens: "A-", "A", "A+", "A+ A-".
FONT_SIZE_TOKENS = ("a-", "a", "a+", "a++", "aa", "a–")
# A byline that names the newsroom's staff, not a person: "PV", "Nhóm PV". It is kept as printed.
STAFF_BYLINES = ("pv", "ctv", "btv", "nhóm pv", "nhóm ctv", "nhóm phóng viên", "phóng viên")
# Words an outlet's name begins with: "Báo Cà Mau", "Cổng thông tin điện tử tỉnh ...".
OUTLET_WORDS = ("báo", "đài", "tạp chí", "cổng thông tin", "trang thông tin", "thông tấn xã", "truyền hình")


def words(*lists: tuple[str, ...] | list[str]) -> str:
    """A regex source matching any word of the lists (prefix-merged, the longest first), to put in a pattern."""
    return any_of(sorted({word for group in lists for word in group}))


def whole_words(*lists: tuple[str, ...] | list[str], flags: int = 0) -> re.Pattern:
    """A pattern finding any word of the lists as whole words."""
    return re.compile(rf"(?<!\w)(?:{words(*lists)})(?!\w)", flags)
