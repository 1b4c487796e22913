# ruff: noqa: E501
"""Phrase banks for sample recommendations (kiến nghị) and directives (chỉ đạo).

Each template belongs to one theme of data/themes.yaml (DOMAIN.md §4) and has a stable key that the
generator stores in ``theme_links.matched``, so a chart can tell which phrase an item came from.
Bodies start with a verb so they read after a lead such as "Đề nghị UBND tỉnh …" or "Giao Sở Nội
vụ …"; ``{slots}`` are filled by giaoban.synth.items from giaoban.synth.vocab (places, numbers,
companies, the raising organisation's words). ``families`` limits who raises a recommendation
(None: any organisation whose profile weighs the theme); ``to`` lists addressee roles
(giaoban.synth.vocab.ADDRESSEES) for recommendations, or directive addressee roles
(vocab.DIRECTIVE_ADDRESSEES) for directives.
"""

from __future__ import annotations

from typing import NamedTuple


class Template(NamedTuple):
    key: str
    theme: str
    body: str
    to: tuple[str, ...]
    families: tuple[str, ...] | None = None


R = Template

# fmt: off
RECOMMENDATIONS: tuple[Template, ...] = (
    # labour
    R("labour.bhxh_arrears", "labour", "chỉ đạo giải quyết dứt điểm tình trạng {n} doanh nghiệp nợ đọng BHXH với tổng số tiền trên {amount}, ảnh hưởng quyền lợi của {big} người lao động", ("ubnd", "bhxh", "ldtbxh"), ("ldld",)),
    R("labour.wage_arrears", "labour", "có biện pháp xử lý {company} chậm trả lương, nợ lương {n} tháng cho người lao động, nhất là dịp trước Tết Nguyên đán", ("ubnd", "ldtbxh"), ("ldld",)),
    R("labour.worker_housing", "labour", "quy hoạch, bố trí quỹ đất xây dựng nhà ở xã hội, thiết chế công đoàn cho công nhân tại các khu, cụm công nghiệp trên địa bàn {unit}", ("ubnd", "xay_dung"), ("ldld",)),
    R("labour.disputes", "labour", "tăng cường thanh tra, kiểm tra việc chấp hành pháp luật lao động tại doanh nghiệp, phòng ngừa tranh chấp lao động, ngừng việc tập thể như vụ việc tại {company}", ("ldtbxh", "ubnd"), ("ldld",)),
    R("labour.union_fee", "labour", "chỉ đạo {n} doanh nghiệp chưa thành lập công đoàn cơ sở thực hiện đóng kinh phí công đoàn theo quy định", ("ubnd", "tai_chinh"), ("ldld",)),
    R("labour.tet_sum_vay", "labour", "hỗ trợ kinh phí tổ chức chương trình “Tết Sum vầy”, thăm, tặng quà cho {big} đoàn viên, người lao động có hoàn cảnh khó khăn", ("ubnd", "tai_chinh"), ("ldld",)),
    # funding
    R("funding.congress", "funding", "bố trí kinh phí tổ chức đại hội {org_short} các cấp nhiệm kỳ {term}, dự kiến khoảng {amount}", ("ubnd", "tai_chinh", "thuong_truc")),
    R("funding.operating", "funding", "xem xét nâng mức kinh phí hoạt động thường xuyên của {org_short} cơ sở, hiện mức chi còn thấp, chưa đáp ứng yêu cầu nhiệm vụ", ("ubnd", "tai_chinh")),
    R("funding.headquarters", "funding", "bố trí kinh phí sửa chữa, cải tạo trụ sở làm việc của {org_short} {unit}, hiện đã xuống cấp nghiêm trọng", ("ubnd", "tai_chinh")),
    R("funding.branch_allowance", "funding", "nghiên cứu ban hành chế độ hỗ trợ cho chi hội trưởng, chi hội phó ở {n} thôn, tổ dân phố", ("ubnd", "noi_vu", "tai_chinh")),
    R("funding.programme", "funding", "bố trí nguồn kinh phí thực hiện đề án, chương trình do {org_short} chủ trì trong năm {next_year}", ("ubnd", "tai_chinh")),
    # cadres
    R("cadres.vacant_post", "cadres", "sớm kiện toàn chức danh {vacant} còn khuyết", ("to_chuc", "thuong_truc", "noi_vu")),
    R("cadres.overage", "cadres", "bố trí, sắp xếp vị trí công tác cho {n} cán bộ đoàn quá tuổi theo quy định", ("to_chuc", "noi_vu"), ("doan",)),
    R("cadres.staffing", "cadres", "bổ sung biên chế cho cơ quan {org_short} {unit}, hiện còn thiếu {n} biên chế so với nhu cầu", ("noi_vu", "to_chuc")),
    R("cadres.rotation", "cadres", "quan tâm quy hoạch, luân chuyển, tạo nguồn cán bộ trẻ, cán bộ nữ từ {org_short} sang các cơ quan Đảng, chính quyền", ("to_chuc", "thuong_truc")),
    R("cadres.part_time", "cadres", "có chính sách hỗ trợ đối với cán bộ không chuyên trách của {org_short} ở cơ sở nghỉ việc do sắp xếp", ("noi_vu", "tai_chinh", "ubnd")),
    # propaganda
    R("propaganda.resolutions", "propaganda", "tăng cường chỉ đạo công tác tuyên truyền, quán triệt nghị quyết của Đảng đến {members}, nhất là ở vùng sâu, vùng xa", ("tuyen_giao", "thuong_truc")),
    R("propaganda.legal_materials", "propaganda", "hỗ trợ tài liệu tuyên truyền, phổ biến pháp luật cho {n} chi hội ở cơ sở", ("tu_phap", "ubnd")),
    R("propaganda.public_opinion", "propaganda", "quan tâm định hướng dư luận xã hội đối với những vấn đề {members} quan tâm như {hot_issue}", ("tuyen_giao", "thuong_truc")),
    # supervision
    R("supervision.replies", "supervision", "chỉ đạo các cơ quan chuyên môn trả lời đầy đủ, đúng hạn {n} kiến nghị sau giám sát của {org_short}", ("ubnd",)),
    R("supervision.policy", "supervision", "tạo điều kiện để {org_short} tham gia giám sát việc thực hiện {policy} trên địa bàn {unit}", ("ubnd", "thuong_truc")),
    R("supervision.critique", "supervision", "gửi dự thảo các chủ trương, chính sách liên quan trực tiếp đến đời sống nhân dân để Mặt trận tổ chức phản biện xã hội", ("thuong_truc", "ubnd"), ("mttq",)),
    # party_building
    R("party_building.feedback", "party_building", "công khai kết quả tiếp thu, giải quyết các ý kiến góp ý xây dựng Đảng, xây dựng chính quyền của nhân dân", ("thuong_truc",)),
    R("party_building.recruitment", "party_building", "quan tâm tạo nguồn, xem xét kết nạp {n} đoàn viên, hội viên ưu tú đã được giới thiệu từ năm {year}", ("to_chuc", "thuong_truc")),
    R("party_building.cadre_conduct", "party_building", "chỉ đạo kiểm tra, xử lý nghiêm cán bộ có biểu hiện gây phiền hà cho nhân dân theo phản ánh của cử tri {sub}", ("ubkt", "thuong_truc")),
    # grassroots_democracy
    R("grassroots_democracy.ttnd", "grassroots_democracy", "bố trí kinh phí hoạt động cho Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng ở {n} đơn vị cơ sở", ("ubnd", "tai_chinh"), ("mttq",)),
    R("grassroots_democracy.huong_uoc", "grassroots_democracy", "chỉ đạo rà soát, sửa đổi hương ước, quy ước thôn, tổ dân phố cho phù hợp Luật Thực hiện dân chủ ở cơ sở", ("ubnd", "tu_phap")),
    R("grassroots_democracy.publicity", "grassroots_democracy", "công khai đầy đủ các khoản đóng góp, thu, chi ngân sách ở {sub} để nhân dân biết, bàn và kiểm tra", ("ubnd",)),
    # elections
    R("elections.voter_lists", "elections", "chỉ đạo rà soát, lập danh sách cử tri chính xác, nhất là người lao động tạm trú tại các khu công nghiệp", ("ubnd", "noi_vu", "cong_an")),
    R("elections.consultation", "elections", "bố trí kinh phí tổ chức các hội nghị hiệp thương giới thiệu người ứng cử đại biểu HĐND các cấp", ("ubnd", "tai_chinh"), ("mttq",)),
    R("elections.candidates", "elections", "quan tâm cơ cấu hợp lý tỷ lệ người ứng cử là phụ nữ, người trẻ tuổi, người ngoài Đảng", ("thuong_truc", "to_chuc")),
    # voter_dialogue
    R("voter_dialogue.dialogue", "voter_dialogue", "duy trì hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với {members} ít nhất một lần mỗi năm", ("thuong_truc", "ubnd")),
    R("voter_dialogue.backlog", "voter_dialogue", "trả lời dứt điểm {n} ý kiến, kiến nghị cử tri còn tồn đọng từ các kỳ họp trước", ("ubnd",)),
    R("voter_dialogue.reception", "voter_dialogue", "tăng cường tiếp công dân định kỳ và đột xuất, nắm bắt tâm tư, nguyện vọng của nhân dân tại {sub}", ("ubnd", "thuong_truc")),
    # complaints_land
    R("complaints_land.compensation", "complaints_land", "chỉ đạo tháo gỡ vướng mắc trong bồi thường, hỗ trợ, tái định cư dự án {project} tại {sub}, liên quan {n} hộ dân", ("ubnd", "tai_nguyen")),
    R("complaints_land.certificates", "complaints_land", "đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho {big} hộ dân còn tồn đọng", ("tai_nguyen", "ubnd")),
    R("complaints_land.crowd", "complaints_land", "giải quyết kịp thời vụ khiếu kiện đông người, kéo dài liên quan đến đất đai tại {sub}, không để phát sinh điểm nóng", ("ubnd", "thanh_tra")),
    # social_security
    R("social_security.tet_gifts", "social_security", "hỗ trợ kinh phí thăm, tặng quà Tết cho {big} hộ nghèo, đối tượng bảo trợ xã hội có hoàn cảnh khó khăn", ("ubnd", "ldtbxh")),
    R("social_security.health_cards", "social_security", "hỗ trợ mua thẻ BHYT cho {members} thuộc hộ cận nghèo, hộ có mức sống trung bình", ("bhxh", "ubnd")),
    R("social_security.allowances", "social_security", "chi trả kịp thời trợ cấp xã hội hằng tháng cho người cao tuổi, người khuyết tật theo mức mới", ("ldtbxh", "ubnd")),
    # poverty_housing
    R("poverty_housing.unity_houses", "poverty_housing", "bố trí nguồn đối ứng hỗ trợ xây dựng {n} nhà Đại đoàn kết cho hộ nghèo trong năm {next_year}", ("ubnd", "tai_chinh"), ("mttq",)),
    R("poverty_housing.temporary_houses", "poverty_housing", "đẩy nhanh tiến độ xóa nhà tạm, nhà dột nát cho {n} hộ nghèo, hộ cận nghèo trên địa bàn {unit}", ("ubnd", "ldtbxh", "xay_dung")),
    R("poverty_housing.policy_loans", "poverty_housing", "tăng nguồn vốn ủy thác qua Ngân hàng Chính sách xã hội để {members} thuộc hộ nghèo vay phát triển sản xuất", ("nhcsxh", "ubnd")),
    # new_rural
    R("new_rural.criteria", "new_rural", "hỗ trợ {sub} hoàn thành các tiêu chí nông thôn mới nâng cao, nhất là tiêu chí môi trường và thu nhập", ("ubnd", "nong_nghiep")),
    R("new_rural.contributions", "new_rural", "rà soát, chấn chỉnh việc huy động đóng góp của nhân dân xây dựng nông thôn mới, tránh gây quá sức dân", ("ubnd",)),
    R("new_rural.roads", "new_rural", "hỗ trợ xi măng làm đường giao thông nông thôn; {n} km đường trục thôn tại {sub} đã xuống cấp", ("ubnd", "xay_dung")),
    # merit_families
    R("merit_families.records", "merit_families", "giải quyết {n} hồ sơ đề nghị xác nhận người có công với cách mạng còn tồn đọng", ("ldtbxh", "ubnd")),
    R("merit_families.agent_orange", "merit_families", "xem xét giải quyết chế độ cho con đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học", ("ldtbxh",), ("ccb",)),
    R("merit_families.houses", "merit_families", "hỗ trợ sửa chữa nhà ở cho {n} gia đình chính sách, hội viên cựu chiến binh có hoàn cảnh khó khăn", ("ubnd", "ldtbxh")),
    # emulation
    R("emulation.awards", "emulation", "khen thưởng kịp thời tập thể, cá nhân tiêu biểu trong các phong trào thi đua, cuộc vận động do {org_short} phát động", ("ubnd", "noi_vu")),
    R("emulation.dan_van_kheo", "emulation", "hỗ trợ nhân rộng {n} mô hình “Dân vận khéo” tiêu biểu ở cơ sở", ("thuong_truc", "ubnd")),
    R("emulation.vietnamese_goods", "emulation", "tiếp tục thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”, hỗ trợ tiêu thụ sản phẩm OCOP của địa phương", ("cong_thuong", "ubnd")),
    # unity_ethnic_religion
    R("unity_ethnic_religion.festival", "unity_ethnic_religion", "bố trí kinh phí tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở {n} khu dân cư", ("ubnd", "tai_chinh"), ("mttq",)),
    R("unity_ethnic_religion.prestige", "unity_ethnic_religion", "nâng mức hỗ trợ đối với người có uy tín trong đồng bào dân tộc thiểu số", ("dan_toc", "ubnd")),
    R("unity_ethnic_religion.worship", "unity_ethnic_religion", "xem xét đề nghị của các cơ sở tôn giáo về đất đai, sửa chữa cơ sở thờ tự theo đúng quy định", ("noi_vu", "tai_nguyen", "ubnd")),
    # farmers_economy
    R("farmers_economy.produce", "farmers_economy", "hỗ trợ kết nối tiêu thụ {product} cho nông dân, nhất là trong vụ thu hoạch chính", ("cong_thuong", "nong_nghiep", "ubnd")),
    R("farmers_economy.support_fund", "farmers_economy", "bổ sung nguồn vốn Quỹ Hỗ trợ nông dân, hiện mới đáp ứng {pct} nhu cầu vay vốn của hội viên", ("ubnd", "tai_chinh"), ("hnd",)),
    R("farmers_economy.inputs", "farmers_economy", "tăng cường kiểm tra, xử lý tình trạng vật tư nông nghiệp kém chất lượng, giá phân bón tăng cao", ("nong_nghiep", "cong_thuong")),
    R("farmers_economy.cooperatives", "farmers_economy", "có chính sách hỗ trợ hợp tác xã, tổ hợp tác do {org_short} vận động thành lập tiếp cận vốn vay", ("nong_nghiep", "nhcsxh", "ubnd")),
    # youth
    R("youth.jobs", "youth", "hỗ trợ vốn vay, tư vấn việc làm, khởi nghiệp cho thanh niên nông thôn và bộ đội xuất ngũ", ("ldtbxh", "nhcsxh", "ubnd"), ("doan",)),
    R("youth.playgrounds", "youth", "bố trí quỹ đất xây dựng điểm vui chơi, sinh hoạt văn hóa cho thanh thiếu nhi tại {sub}", ("ubnd", "vhttdl"), ("doan", "hlhpn")),
    R("youth.campaigns", "youth", "bố trí kinh phí tổ chức các hoạt động Tháng Thanh niên, chiến dịch tình nguyện Mùa hè xanh năm {year}", ("ubnd", "tai_chinh"), ("doan",)),
    # women_family
    R("women_family.violence", "women_family", "tăng cường phối hợp phòng, chống bạo lực gia đình, xâm hại trẻ em; xử lý nghiêm các vụ việc xảy ra tại {sub}", ("cong_an", "vhttdl", "ubnd")),
    R("women_family.trafficking", "women_family", "hỗ trợ phụ nữ, trẻ em bị mua bán trở về hòa nhập cộng đồng", ("cong_an", "ldtbxh"), ("hlhpn",)),
    R("women_family.childcare", "women_family", "có chính sách hỗ trợ nhóm trẻ, nhà trẻ cho con công nhân tại các khu công nghiệp", ("giao_duc", "ubnd"), ("hlhpn", "ldld")),
    # security
    R("security.drugs", "security", "tăng cường đấu tranh, triệt phá tụ điểm ma túy tại {sub}, nơi có nhiều thanh thiếu niên sử dụng trái phép chất ma túy", ("cong_an",)),
    R("security.black_credit", "security", "xử lý nghiêm hoạt động tín dụng đen, cho vay nặng lãi đối với {members}", ("cong_an",)),
    R("security.traffic", "security", "lắp đặt đèn tín hiệu, biển báo tại các điểm đen tai nạn giao thông trên tuyến đường qua {sub}", ("giao_thong", "ubnd")),
    R("security.cameras", "security", "hỗ trợ kinh phí lắp đặt camera an ninh tại {n} khu dân cư theo mô hình tự quản", ("cong_an", "ubnd")),
    # health_covid
    R("health_covid.vaccines", "health_covid", "ưu tiên tiêm vắc-xin phòng COVID-19 cho cán bộ Mặt trận, đoàn thể tham gia phòng, chống dịch ở cơ sở", ("y_te",)),
    R("health_covid.suspended_workers", "health_covid", "hỗ trợ người lao động bị ảnh hưởng bởi dịch COVID-19, bị tạm hoãn hợp đồng, ngừng việc tại {company}", ("ldtbxh", "ubnd"), ("ldld",)),
    R("health_covid.food_safety", "health_covid", "tăng cường kiểm tra an toàn thực phẩm tại bếp ăn tập thể doanh nghiệp, trường học", ("y_te",)),
    R("health_covid.commune_clinics", "health_covid", "nâng cao chất lượng khám, chữa bệnh BHYT tại trạm y tế, bổ sung thuốc thiết yếu", ("y_te", "bhxh")),
    # disaster_relief
    R("disaster_relief.recovery", "disaster_relief", "hỗ trợ khắc phục hậu quả mưa bão tại {sub}, nhiều diện tích {product} và {n} nhà dân bị thiệt hại", ("ubnd", "nong_nghiep")),
    R("disaster_relief.relief_lists", "disaster_relief", "chỉ đạo rà soát chính xác số hộ bị thiệt hại để phân bổ nguồn cứu trợ do Mặt trận tiếp nhận đúng đối tượng", ("ubnd",), ("mttq",)),
    R("disaster_relief.dykes", "disaster_relief", "đầu tư sửa chữa kè, đê xung yếu, hồ đập tại {sub} trước mùa mưa bão", ("nong_nghiep", "ubnd")),
    # environment
    R("environment.waste", "environment", "sớm có giải pháp xử lý rác thải sinh hoạt tại {sub}, bãi rác đã quá tải, gây ô nhiễm", ("tai_nguyen", "ubnd")),
    R("environment.pollution", "environment", "kiểm tra, xử lý {company} xả thải gây ô nhiễm nguồn nước, ảnh hưởng đời sống nhân dân", ("tai_nguyen",)),
    R("environment.green_sunday", "environment", "hỗ trợ kinh phí duy trì phong trào “Ngày Chủ nhật xanh”, mô hình phân loại rác thải tại nguồn", ("ubnd", "tai_nguyen")),
    # digital
    R("digital.vneid", "digital", "hỗ trợ thiết bị, đường truyền để {org_short} cơ sở tham gia Đề án 06, hướng dẫn người dân kích hoạt tài khoản VNeID", ("cong_an", "tttt")),
    R("digital.online_services", "digital", "nâng cấp hệ thống dịch vụ công trực tuyến, khắc phục tình trạng lỗi, chậm khi người dân nộp hồ sơ", ("tttt", "ubnd")),
    R("digital.member_software", "digital", "đầu tư phần mềm quản lý {members} đồng bộ từ {unit} đến cơ sở", ("tttt", "tai_chinh")),
    # admin_reform
    R("admin_reform.overdue_files", "admin_reform", "chấn chỉnh tình trạng giải quyết thủ tục hành chính quá hạn tại bộ phận một cửa {sub}", ("ubnd", "noi_vu")),
    R("admin_reform.satisfaction", "admin_reform", "công khai kết quả khảo sát chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính", ("noi_vu",)),
    # restructuring
    R("restructuring.surplus_staff", "restructuring", "có phương án bố trí cán bộ, công chức, người lao động dôi dư khi sắp xếp tổ chức bộ máy cơ quan {org_short}", ("to_chuc", "noi_vu")),
    R("restructuring.assets", "restructuring", "hướng dẫn xử lý trụ sở, tài sản công dôi dư sau sắp xếp đơn vị hành chính", ("tai_chinh", "ubnd")),
    R("restructuring.functions", "restructuring", "sớm hướng dẫn chức năng, nhiệm vụ của {org_short} sau khi sắp xếp, tránh chồng chéo với cơ quan Mặt trận", ("to_chuc", "thuong_truc")),
    # congresses
    R("congresses.grassroots", "congresses", "chỉ đạo cấp ủy cơ sở lãnh đạo tổ chức thành công đại hội {org_short} cấp cơ sở nhiệm kỳ {term}", ("thuong_truc", "to_chuc")),
    R("congresses.personnel", "congresses", "cho ý kiến về phương án nhân sự Ban Chấp hành {org_short} {unit} nhiệm kỳ {term}", ("thuong_truc", "to_chuc")),
    # people_diplomacy
    R("people_diplomacy.exchanges", "people_diplomacy", "hỗ trợ kinh phí cho các hoạt động đối ngoại nhân dân, giao lưu hữu nghị với tổ chức nước ngoài", ("ubnd", "ngoai_vu")),
    R("people_diplomacy.fdi", "people_diplomacy", "tạo điều kiện để {org_short} mở rộng giao lưu, hợp tác với các doanh nghiệp nước ngoài đang đầu tư tại {unit}", ("ngoai_vu", "ubnd")),
    # membership
    R("membership.fdi_unions", "membership", "chỉ đạo {n} doanh nghiệp ngoài nhà nước tạo điều kiện thành lập công đoàn cơ sở, phát triển đoàn viên", ("ubnd", "ldtbxh"), ("ldld",)),
    R("membership.migrant_youth", "membership", "có cơ chế tập hợp thanh niên lao động tự do, thanh niên đi làm ăn xa vào tổ chức Đoàn, Hội", ("thuong_truc", "ubnd"), ("doan",)),
    R("membership.branches", "membership", "hỗ trợ củng cố {n} chi hội hoạt động yếu tại {sub}, nâng cao chất lượng sinh hoạt", ("ubnd", "thuong_truc")),
    # education
    R("education.dropouts", "education", "có giải pháp hỗ trợ học sinh có hoàn cảnh khó khăn tại {sub}, hạn chế tình trạng bỏ học", ("giao_duc", "ubnd")),
    R("education.vocational", "education", "mở thêm lớp đào tạo nghề ngắn hạn cho {members}, gắn với giải quyết việc làm", ("ldtbxh", "ubnd")),
    R("education.study_promotion", "education", "hỗ trợ kinh phí phong trào khuyến học, khuyến tài, xây dựng “Gia đình học tập”, “Dòng họ học tập”", ("ubnd", "giao_duc")),
    # culture_lifestyle
    R("culture_lifestyle.ceremonies", "culture_lifestyle", "chỉ đạo thực hiện nếp sống văn minh trong việc cưới, việc tang, lễ hội, hạn chế hủ tục tại {sub}", ("vhttdl", "ubnd")),
    R("culture_lifestyle.cultural_houses", "culture_lifestyle", "hỗ trợ sửa chữa {n} nhà văn hóa thôn, tổ dân phố đã xuống cấp", ("ubnd", "vhttdl")),
    # anti_corruption
    R("anti_corruption.reported_cases", "anti_corruption", "xử lý nghiêm, công khai kết quả xử lý các vụ việc tiêu cực được nhân dân phản ánh tại {sub}", ("ubkt", "thanh_tra", "thuong_truc")),
    R("anti_corruption.idle_works", "anti_corruption", "kiểm tra việc đầu tư lãng phí công trình xây xong nhưng không đưa vào sử dụng tại {sub}", ("thanh_tra", "ubnd")),
    R("anti_corruption.whistleblowers", "anti_corruption", "có cơ chế bảo vệ người tố cáo, phản ánh tham nhũng, tiêu cực", ("thuong_truc", "thanh_tra")),
)
# fmt: on

D = Template

# fmt: off
DIRECTIVES: tuple[Template, ...] = (
    D("labour.dir_arrears", "labour", "phối hợp với cơ quan BHXH kiểm tra, xử lý doanh nghiệp nợ đọng BHXH kéo dài, bảo vệ quyền lợi người lao động", ("ldld", "bhxh", "ubnd")),
    D("labour.dir_tet", "labour", "chăm lo Tết cho công nhân, người lao động, không để người lao động không có Tết", ("ldld", "ubnd")),
    D("funding.dir_review", "funding", "rà soát, tổng hợp nhu cầu kinh phí của Mặt trận và các đoàn thể, tham mưu bố trí trong dự toán năm {next_year}", ("tai_chinh", "ubnd")),
    D("cadres.dir_vacancies", "cadres", "rà soát, tham mưu kiện toàn các chức danh lãnh đạo còn khuyết của Mặt trận và các đoàn thể", ("to_chuc", "dan_van")),
    D("cadres.dir_training", "cadres", "xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ Mặt trận, đoàn thể cơ sở", ("mttq_ctxh", "dan_van")),
    D("propaganda.dir_resolutions", "propaganda", "đẩy mạnh tuyên truyền, quán triệt nghị quyết của Đảng đến đoàn viên, hội viên và nhân dân", ("mttq_ctxh", "dan_van")),
    D("propaganda.dir_opinion", "propaganda", "nắm chắc tình hình tư tưởng, dư luận xã hội, kịp thời báo cáo những vấn đề mới phát sinh", ("mttq_ctxh", "dan_van")),
    D("supervision.dir_plan", "supervision", "xây dựng kế hoạch giám sát, phản biện xã hội năm {next_year}, tập trung vào các lĩnh vực nhân dân quan tâm", ("mttq", "mttq_ctxh")),
    D("supervision.dir_replies", "supervision", "trả lời đầy đủ các kiến nghị sau giám sát của Mặt trận và các đoàn thể", ("ubnd",)),
    D("party_building.dir_feedback", "party_building", "tổ chức tốt việc lấy ý kiến góp ý xây dựng Đảng, xây dựng chính quyền của nhân dân", ("mttq_ctxh", "dan_van")),
    D("grassroots_democracy.dir_law", "grassroots_democracy", "hướng dẫn thực hiện Luật Thực hiện dân chủ ở cơ sở, kiện toàn Ban Thanh tra nhân dân", ("mttq", "ubnd")),
    D("elections.dir_consultation", "elections", "chuẩn bị chu đáo các bước hiệp thương, giới thiệu người ứng cử đại biểu Quốc hội và HĐND các cấp", ("mttq", "noi_vu")),
    D("voter_dialogue.dir_dialogue", "voter_dialogue", "tổ chức đối thoại trực tiếp với nhân dân về những vấn đề bức xúc, kéo dài", ("ubnd", "mttq_ctxh")),
    D("complaints_land.dir_petitions", "complaints_land", "giải quyết dứt điểm các vụ khiếu nại, tố cáo kéo dài liên quan đến đất đai, giải phóng mặt bằng", ("ubnd", "tai_nguyen")),
    D("social_security.dir_tet", "social_security", "vận động nguồn lực chăm lo Tết cho hộ nghèo, gia đình chính sách, bảo đảm mọi nhà, mọi người đều có Tết", ("mttq_ctxh", "ubnd")),
    D("poverty_housing.dir_houses", "poverty_housing", "hoàn thành chỉ tiêu xóa nhà tạm, nhà dột nát và xây dựng nhà Đại đoàn kết cho hộ nghèo", ("mttq", "ubnd")),
    D("poverty_housing.dir_fund", "poverty_housing", "vận động Quỹ “Vì người nghèo”, công khai việc sử dụng quỹ", ("mttq",)),
    D("new_rural.dir_campaign", "new_rural", "đẩy mạnh Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”", ("mttq_ctxh", "mttq")),
    D("merit_families.dir_july", "merit_families", "tổ chức chu đáo các hoạt động đền ơn đáp nghĩa nhân dịp kỷ niệm Ngày Thương binh - Liệt sĩ 27/7", ("ccb", "mttq_ctxh", "ubnd")),
    D("emulation.dir_models", "emulation", "nhân rộng các mô hình “Dân vận khéo”, gương điển hình tiên tiến trong các phong trào thi đua", ("dan_van", "mttq_ctxh")),
    D("unity_ethnic_religion.dir_festival", "unity_ethnic_religion", "tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư thiết thực, tiết kiệm", ("mttq",)),
    D("unity_ethnic_religion.dir_religion", "unity_ethnic_religion", "làm tốt công tác vận động đồng bào dân tộc thiểu số, đồng bào có đạo", ("dan_van", "mttq")),
    D("farmers_economy.dir_produce", "farmers_economy", "hỗ trợ nông dân liên kết sản xuất, tiêu thụ nông sản, nhân rộng mô hình hộ sản xuất kinh doanh giỏi", ("hnd", "ubnd")),
    D("youth.dir_volunteer", "youth", "tổ chức hiệu quả các hoạt động Tháng Thanh niên, tình nguyện hè, tham gia tuyển quân", ("doan",)),
    D("women_family.dir_violence", "women_family", "đẩy mạnh phòng, chống bạo lực gia đình, mua bán người, bảo vệ trẻ em", ("hlhpn", "cong_an")),
    D("security.dir_order", "security", "phối hợp giữ vững an ninh chính trị, trật tự an toàn xã hội, nhất là dịp lễ, Tết", ("cong_an", "mttq_ctxh")),
    D("security.dir_drugs", "security", "nhân rộng mô hình tự quản về an ninh trật tự, phòng, chống ma túy ở khu dân cư", ("cong_an", "doan")),
    D("health_covid.dir_double_goal", "health_covid", "tuyên truyền, vận động nhân dân thực hiện mục tiêu kép: vừa phòng, chống dịch COVID-19, vừa phát triển kinh tế - xã hội", ("mttq_ctxh",)),
    D("disaster_relief.dir_relief", "disaster_relief", "tiếp nhận, phân bổ kịp thời, công khai nguồn hỗ trợ khắc phục hậu quả thiên tai", ("mttq", "ubnd")),
    D("environment.dir_green", "environment", "duy trì phong trào “Ngày Chủ nhật xanh”, phân loại rác thải tại nguồn ở khu dân cư", ("mttq_ctxh", "doan")),
    D("digital.dir_project06", "digital", "phối hợp triển khai Đề án 06, hướng dẫn người dân sử dụng dịch vụ công trực tuyến", ("doan", "cong_an")),
    D("admin_reform.dir_one_stop", "admin_reform", "chấn chỉnh kỷ luật, kỷ cương hành chính, giải quyết thủ tục hành chính đúng hạn", ("ubnd", "noi_vu")),
    D("restructuring.dir_plan", "restructuring", "xây dựng đề án sắp xếp tổ chức bộ máy cơ quan Mặt trận và các đoàn thể theo hướng tinh gọn", ("dan_van", "to_chuc")),
    D("restructuring.dir_staff", "restructuring", "thực hiện chế độ, chính sách đối với cán bộ dôi dư sau sắp xếp bảo đảm đúng quy định", ("noi_vu", "to_chuc")),
    D("congresses.dir_prepare", "congresses", "chuẩn bị tốt văn kiện, nhân sự đại hội các cấp nhiệm kỳ {term}", ("mttq_ctxh", "dan_van")),
    D("people_diplomacy.dir_exchange", "people_diplomacy", "làm tốt công tác đối ngoại nhân dân, giao lưu hữu nghị với các địa phương nước bạn", ("mttq", "ubnd")),
    D("membership.dir_grow", "membership", "đẩy mạnh phát triển đoàn viên, hội viên, thành lập tổ chức cơ sở ở nơi chưa có", ("mttq_ctxh", "ldld", "doan")),
    D("education.dir_study", "education", "đẩy mạnh phong trào khuyến học, khuyến tài, xây dựng xã hội học tập", ("mttq", "ubnd")),
    D("culture_lifestyle.dir_lifestyle", "culture_lifestyle", "vận động nhân dân thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội", ("mttq_ctxh", "dan_van")),
    D("anti_corruption.dir_supervise", "anti_corruption", "phát huy vai trò giám sát của nhân dân trong phòng, chống tham nhũng, lãng phí, tiêu cực", ("mttq", "mttq_ctxh")),
)
# fmt: on

# How a recommendation is worded the first time and when it is raised again.
REC_LEADS: tuple[str, ...] = (
    "Đề nghị {addr} {body}.",
    "Kiến nghị {addr} {body}.",
    "Đề xuất {addr} {body}.",
    "Đề nghị {addr} quan tâm {body}.",
)
# Optional endings that vary otherwise identical bodies (drawn with equal weight; "" = none).
REC_TAILS: tuple[str, ...] = (
    "",
    "",
    "",
    ", nhất là tại {sub}",
    ", bảo đảm quyền lợi chính đáng của {members}",
    " trong năm {next_year}",
    ", đáp ứng tâm tư, nguyện vọng của {members}",
    " để {org_short} có điều kiện hoạt động hiệu quả hơn",
)
REPEAT_LEADS: tuple[str, ...] = (
    "Tiếp tục đề nghị {addr} {body} (kiến nghị đã nêu tại hội nghị {prev}, đến nay chưa được giải quyết dứt điểm).",
    "Nhắc lại kiến nghị từ kỳ giao ban {prev}: đề nghị {addr} sớm {body}.",
    "Kiến nghị lần thứ {k}: đề nghị {addr} {body}, do kiến nghị tại hội nghị {prev} chưa được giải quyết.",
)
DIRECTIVE_LEADS: tuple[str, ...] = (
    "Giao {addr} {body}",
    "Yêu cầu {addr} {body}",
    "{Addr} chủ trì, phối hợp {body}",
    "Đề nghị {addr} tập trung {body}",
)
# Deadline suffixes: the text names the same day as due_on.
DEADLINE_SUFFIXES: tuple[str, ...] = ("; hoàn thành trước ngày {due}", "; báo cáo kết quả trước ngày {due}")

# Status notes, one bank per status (drawn uniformly).
REC_NOTES: dict[str, tuple[str, ...]] = {
    "raised": ("Nêu tại hội nghị giao ban", "Kiến nghị tại hội nghị"),
    "referred": (
        "Chuyển cơ quan chuyên môn nghiên cứu, tham mưu giải quyết",
        "Thuộc thẩm quyền Trung ương, đã tổng hợp gửi Đoàn ĐBQH tỉnh",
        "Giao cơ quan chức năng xem xét, trả lời",
    ),
    "answered": ("Chủ trì hội nghị ghi nhận, tiếp thu", "Tiếp thu nhưng chưa có văn bản chỉ đạo", "Đã ghi nhận"),
    "explained": (
        "Đã trả lời bằng văn bản",
        "Đã giải trình, cung cấp thông tin tại hội nghị",
        "Đã thông tin cho đơn vị",
    ),
    "in_progress": ("Đang xem xét, giải quyết", "Có lộ trình giải quyết", "Chưa cân đối được nguồn lực, đang xem xét"),
    "resolved": ("Đã giải quyết dứt điểm", "Đã hoàn thành", "Đã thực hiện xong"),
    "declined": ("Không có cơ sở giải quyết", "Không đủ điều kiện theo quy định", "Không phù hợp quy định hiện hành"),
}
DIR_NOTES: dict[str, tuple[str, ...]] = {
    "issued": ("Giao tại Thông báo kết luận hội nghị", "Kết luận của chủ trì hội nghị"),
    "in_progress": ("Đang triển khai thực hiện", "Đã xây dựng kế hoạch, đang thực hiện"),
    "completed": ("Đã hoàn thành", "Hoàn thành, đã báo cáo kết quả"),
    "cancelled": ("Không tiếp tục thực hiện do sắp xếp tổ chức bộ máy",),
}
