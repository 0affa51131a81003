"""Japanese: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, words

LANG = Lang(
    code="ja",
    request=r"(?:の)?(?:広告|CM|動画|宣伝|プロモーション)(?:を作って|を作成|を)?(?:ください)?",
    ad_words=words("広告 cm 動画 宣伝 プロモーション"),
    hints=frozenset(),
    free=r"無料|タダ|プレゼント",
    offers=(
        r"\d{1,2}\s?[%％]\s?(?:オフ|OFF|off|引き)",
        r"半額",
        r"初回[^\s、。]{0,6}無料",
        r"送料無料",
        r"無料体験",
        r"[^\s、。]{1,6}無料",
        r"\d+円(?:から|より)?",
    ),
    deadline=r"今週末(?:限定)?|今週の?[月火水木金土日]曜日?|[月火水木金土日]曜日限定|本日限定|期間限定|"
    r"\d+月\d+日まで|[^\s、。]{0,4}まで",
    scarcity=r"限定\d+[^\s、。]{0,3}|先着\d+[^\s、。]{0,3}|数量限定",
    occasions=r"クリスマス|母の日|父の日|バレンタイン|ブラックフライデー|お正月|ハロウィン|夏",
    pain=r"悩み|困って|うんざり|もう.{0,6}ない|ストレス|守る",
    ctas=("今すぐチェック", "今すぐ予約", "今すぐ購入", "詳しくはこちら"),
    cta_verbs=r"予約|購入|チェック|来店|ダウンロード",
    with_word="で",
    and_word="と",
    now="今すぐ",
    new="新登場",
    space="",
    at_place="{place}の{name}",
    for_people="{audience}のための{name}",
    for_word="ための",
    colon="：",
    sign_off="{product}なら{name}",
)
