"""Chinese: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, words

LANG = Lang(
    code="zh",
    request=r"(?:为|給|给)?(?:.{0,12}?)(?:做|制作|拍)(?:一[个支条])?(?:广告|宣传片|视频)|广告|宣传",
    ad_words=words("广告 宣传 视频 宣传片 推广"),
    hints=frozenset(),
    free=r"免费|赠送|送",
    offers=(
        r"\d{1,2}\s?[%％]\s?(?:折扣|优惠|off)",
        r"[一二三四五六七八九]折|\d(?:\.\d)?折",
        r"买[一二三\d]送[一二三\d]",
        r"首[^\s，。、]{0,4}免费",
        r"免费[^\s，。、]{1,4}",
        r"[^\s，。、]{1,4}免费",
        r"(?:仅需|只要|低至)?\d+(?:\.\d+)?元(?:/\w+)?",
    ),
    deadline=r"本周末|这个周末|仅限今天|今天|限时|\d+月\d+日前|[^\s，。、]{0,4}之前",
    scarcity=r"限量\d*[^\s，。、]{0,3}|仅剩\d+[^\s，。、]{0,3}|前\d+名",
    occasions=r"圣诞节?|母亲节|父亲节|情人节|春节|中秋节?|双十一|黑色星期五|新年|国庆",
    pain=r"烦恼|厌倦|告别|还在为|受够|担心|保护",
    ctas=("立即购买", "马上预约", "立即了解", "马上下单"),
    cta_verbs=r"购买|预约|下载|了解|下单|报名",
    with_word="",
    and_word="和",
    now="立即",
    new="全新",
    space="",
    at_place="{place}的{name}",
    for_people="专为{audience}打造",
    for_word="专为",
    colon="：",
    sign_off="{product}，就选{name}",
)
