/**
 * Traditional → simplified for the words that appear in these workbooks: unit and district names,
 * header words, stages, currencies and amounts. Data, not an algorithm: each pair is [traditional, simplified].
 * Submissions from Hong Kong/Taiwan investors or typed with a traditional IME must still match.
 */
const PAIRS =
  "區区經经開开發发實实際际資资項项簽签約约億亿萬万圓圆園园縣县鎮镇鄉乡業业產产農农機机場场術术軟软陽阳關关門门寬宽綠绿東东於于臺台灣湾廣广華华總总計计額额進进現现標标務务處处單单責责負负報报裝装點点劃划規规謀谋談谈數数內内國国準准筆笔號号類类別别組组與与為为會会個个對对獎奖勵励辦办導导領领員员聯联體体設设備备歷历時时間间達达遲迟嚴严滯滞後后績绩評评優优級级書书長长雙双線线註注冊册營营運运階阶況况狀状態态鏈链種种幣币歐欧兩两佔占較较據据庫库錄录檔档碼码選选擇择確确認认驗验證证檢检審审統统隊队專专屬属鄰邻廠厂礦矿質质鐵铁鋼钢電电車车氣气藥药醫医療疗衛卫環环網网絡络傳传訊讯雲云貿贸銷销購购買买賣卖貨货輸输倉仓儲储擴扩興兴樓楼層层廈厦館馆觀观舊旧齊齐濟济寧宁蘇苏遼辽龍龙贛赣閩闽粵粤瓊琼貴贵陝陕晉晋魯鲁漢汉衝冲維维護护權权變变動动紀纪條条則则範范圍围職职稱称強强爭争創创節节險险擔担當当難难題题應应該该請请讓让說说話话語语讀读寫写費费稅税價价值值賬账帳账戶户貸贷債债匯汇兌兑換换勞劳紡纺織织飾饰礎础踐践淨净綜综節节約约區区鎮镇縣县園园紹绍潤润劑剂證证純纯訂订議议頭头賓宾際际餘余萬万億亿傳传營营廳厅處处鄭郑鐘钟錢钱銀银鋁铝銅铜鎂镁鋰锂電电層层頁页項项順顺須须預预頓顿領领頻频額额顏颜願愿顯显風风飛飞驅驱騰腾驗验體体鬥斗鳥鸟鳳凤麥麦黃黄齡龄龍龙贊赞團团圖图圓圆國国圍围塊块壓压壯壮壽寿夢梦奪夺奮奋婦妇學学寶宝寫写專专將将尋寻導导屆届岡冈島岛峽峡嶺岭鞏巩帶带幫帮幹干廢废廣广廠厂彈弹徑径徵征憑凭應应懷怀態态戰战擁拥擬拟據据擴扩攜携敗败敵敌斷断於于時时晝昼暫暂書书會会東东條条來来極极構构標标樣样樹树橫横檢检權权歡欢歲岁歸归殘残氣气漲涨測测湯汤準准溝沟滿满漁渔濟济災灾無无煙烟熱热燈灯爐炉牆墙獨独獲获現现環环產产畢毕畫画當当療疗發发盡尽監监盤盘眾众確确礎础祕秘稱称穩稳積积窮穷競竞筆笔築筑簡简籌筹糧粮紅红純纯紙纸級级組组細细終终結结給给絕绝統统經经綠绿維维緊紧線线練练縮缩總总績绩織织繩绳繼继續续罰罚職职聯联聲声聽听膠胶臨临與与舉举艦舰艱艰藝艺蘭兰處处號号蟲虫補补製制複复規规視视覽览觸触訊讯託托記记設设許许訴诉診诊詢询試试詩诗該该認认誤误調调談谈請请論论謝谢證证識识譯译護护讓让變变貝贝負负貢贡財财責责貧贫販贩貨货質质購购賽赛贈赠趕赶趨趋躍跃軍军軌轨較较載载輔辅輕轻輛辆輪轮轉转辦办農农這这連连進进運运過过達达違违遠远適适遷迁選选遺遗邊边鄉乡醫医釋释針针鉅钜銷销鋪铺鋼钢錄录錯错鍵键鎖锁長长門门閉闭開开間间閱阅關关陸陆陳陈險险隨随隱隐雙双雜杂雞鸡離离難难電电靜静韓韩響响項项須须頒颁題题類类額额飯饭飲饮館馆馬马駐驻髮发鬆松魚鱼鹽盐麗丽黨党齒齿";

/** Code unit → simplified code unit (0: unchanged). Every character of the table is in the BMP. */
const TABLE = (() => {
  const table = new Uint16Array(0x10000);
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = (chars[i] as string).charCodeAt(0);
    const to = (chars[i + 1] as string).charCodeAt(0);
    if (from !== to) table[from] = to;
  }
  return table;
})();

/** The simplified form of a traditional character's code unit, 0 when the table leaves it as it is. */
export const simplifiedOf = (code: number): number => TABLE[code] as number;

export function toSimplified(text: string): string {
  let i = 0;
  while (i < text.length && TABLE[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const mapped = TABLE[text.charCodeAt(i)] as number;
    out += mapped === 0 ? (text[i] as string) : String.fromCharCode(mapped);
  }
  return out;
}

/** Number of distinct traditional characters the table covers (for tests). */
export const TRADITIONAL_TABLE_SIZE = TABLE.reduce((n, v) => n + (v === 0 ? 0 : 1), 0);
