"""The places a scale corpus is written for, and the bundled corpus's places they replace."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Places: "name:abbr:slug". Places of the bundled corpus (中卫, 西安, 宝鸡, 天水, 北京, 上海, 山东,
# 重庆, 浙江, 深圳, 无锡) and places that abstention questions rely on being absent (兰州, 杭州,
# 成都) are left out, so a scale corpus never answers for them.
PROVINCES = """
江苏省:苏:jiangsu 河北省:冀:hebei 山西省:晋:shanxi 辽宁省:辽:liaoning 吉林省:吉:jilin 黑龙江省:黑:heilongjiang
安徽省:皖:anhui 福建省:闽:fujian 江西省:赣:jiangxi 河南省:豫:henan 湖北省:鄂:hubei 湖南省:湘:hunan
广东省:粤:guangdong 海南省:琼:hainan 四川省:川:sichuan 贵州省:黔:guizhou 云南省:云:yunnan 陕西省:陕:shaanxi
甘肃省:甘:gansu 青海省:青:qinghai 天津市:津:tianjin 内蒙古自治区:内:neimenggu 广西壮族自治区:桂:guangxi
宁夏回族自治区:宁:ningxia 新疆维吾尔自治区:新:xinjiang
"""
CITIES = """
南京市:宁:nanjing 苏州市:苏:suzhou 常州市:常:changzhou 徐州市:徐:xuzhou 扬州市:扬:yangzhou 南通市:通:nantong
盐城市:盐:yancheng 宁波市:甬:ningbo 温州市:温:wenzhou 嘉兴市:嘉:jiaxing 绍兴市:绍:shaoxing 金华市:金:jinhua
合肥市:合:hefei 芜湖市:芜:wuhu 蚌埠市:蚌:bengbu 安庆市:宜:anqing 福州市:榕:fuzhou 厦门市:厦:xiamen
泉州市:泉:quanzhou 漳州市:漳:zhangzhou 南昌市:洪:nanchang 赣州市:赣:ganzhou 九江市:浔:jiujiang 济南市:济:jinan
青岛市:青:qingdao 烟台市:烟:yantai 潍坊市:潍:weifang 临沂市:临:linyi 郑州市:郑:zhengzhou 洛阳市:洛:luoyang
新乡市:新:xinxiang 南阳市:宛:nanyang 武汉市:武:wuhan 宜昌市:宜:yichang 襄阳市:襄:xiangyang 长沙市:长:changsha
株洲市:株:zhuzhou 岳阳市:岳:yueyang 常德市:常:changde 广州市:穗:guangzhou 佛山市:佛:foshan 东莞市:莞:dongguan
惠州市:惠:huizhou 珠海市:珠:zhuhai 江门市:江:jiangmen 南宁市:邕:nanning 柳州市:柳:liuzhou 桂林市:桂:guilin
海口市:海:haikou 三亚市:三:sanya 贵阳市:筑:guiyang 遵义市:遵:zunyi 昆明市:昆:kunming 曲靖市:曲:qujing
玉溪市:玉:yuxi 咸阳市:咸:xianyang 榆林市:榆:yulin 延安市:延:yanan 汉中市:汉:hanzhong 渭南市:渭:weinan
银川市:银:yinchuan 石嘴山市:石:shizuishan 吴忠市:吴:wuzhong 固原市:固:guyuan 西宁市:宁:xining
乌鲁木齐市:乌:wulumuqi 克拉玛依市:克:kelamayi 呼和浩特市:呼:huhehaote 包头市:包:baotou 鄂尔多斯市:鄂:eerduosi
太原市:并:taiyuan 大同市:同:datong 石家庄市:石:shijiazhuang 唐山市:唐:tangshan 保定市:保:baoding
沧州市:沧:cangzhou 沈阳市:沈:shenyang 大连市:大:dalian 鞍山市:鞍:anshan 长春市:长:changchun
哈尔滨市:哈:haerbin 大庆市:庆:daqing 白银市:白:baiyin 酒泉市:酒:jiuquan 张掖市:张:zhangye 绵阳市:绵:mianyang
宜宾市:宜:yibin 泸州市:泸:luzhou 德阳市:德:deyang 攀枝花市:攀:panzhihua 乐山市:乐:leshan 遂宁市:遂:suining
"""
COUNTIES = """
昆山市:昆:kunshan 江阴市:澄:jiangyin 张家港市:张:zhangjiagang 常熟市:虞:changshu 义乌市:义:yiwu 慈溪市:慈:cixi
瑞安市:瑞:ruian 晋江市:晋:jinjiang 福清市:融:fuqing 南安市:南:nanan 寿光市:寿:shouguang 邹城市:邹:zoucheng
荥阳市:荥:xingyang 仙桃市:仙:xiantao 浏阳市:浏:liuyang 醴陵市:醴:liling 宁乡市:宁:ningxiang 神木市:神:shenmu
府谷县:府:fugu 灵武市:灵:lingwu 青铜峡市:青:qingtongxia 准格尔旗:准:zhungeer 古交市:古:gujiao 迁安市:迁:qianan
瓦房店市:瓦:wafangdian 榆树市:榆:yushu 肇东市:肇:zhaodong 玉门市:玉:yumen 个旧市:个:gejiu 仁怀市:仁:renhuai
凭祥市:凭:pingxiang 琼海市:琼:qionghai 格尔木市:格:geermu 库尔勒市:库:kuerle 靖边县:靖:jingbian
"""
# place names of the bundled documents, replaced by the new document's place
SOURCE_PLACES = ("中卫市", "中卫", "西安市", "西安", "宝鸡市", "宝鸡", "天水市", "秦州区", "北京市", "上海市",
                 "山东省", "重庆市", "浙江省", "深圳经济特区", "深圳市", "无锡市")


@dataclass(frozen=True)
class Place:
    """A province, city or county: 江苏省 / 苏 (short) / 苏 (doc-number abbreviation) / jiangsu (file slug)."""

    name: str
    short: str
    abbr: str
    slug: str
    level: str  # province / city / county

    @property
    def self_word(self) -> str:
        """本省 / 本自治区 / 本市: how a regulation names its own area."""
        return "本省" if self.name.endswith("省") else "本自治区" if self.name.endswith("自治区") else "本市"


def _places(spec: str, level: str) -> tuple[Place, ...]:
    out = []
    for item in spec.split():
        name, abbr, slug = item.split(":")
        short = re.sub(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|省|市|县|旗)$", "", name)
        out.append(Place(name, short, abbr, slug, level))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def all_places() -> dict[str, tuple[Place, ...]]:
    return {"province": _places(PROVINCES, "province"), "city": _places(CITIES, "city"),
            "county": _places(COUNTIES, "county")}
