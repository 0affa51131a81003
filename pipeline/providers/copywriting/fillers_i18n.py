"""The English filler lines (:mod:`.fillers`) in every other written language.

A line that could sit under any product is as empty in German as in English ("Für deinen
Alltag gedacht"); the scorer and the writer read these as fillers too. Informal and formal
address are both listed where a language has them.
"""

from __future__ import annotations

#: Per language: made for people like you, designed around how you live, made with care
#: down to the details, quality you notice from day one, small change big difference,
#: the upgrade you'll feel every day, now it just works, built to last.
TRANSLATED: dict[str, tuple[str, ...]] = {
    "es": (
        "Hecho para personas como tú.", "Hecho para personas como usted.",
        "Pensado para tu día a día", "Pensado para su día a día",
        "Hecho con cuidado", "Hecho con cuidado, hasta el último detalle",
        "Calidad que se nota desde el primer día", "Pequeño cambio. Gran diferencia.",
        "La mejora que notarás cada día.", "Ahora sí funciona.", "Hecho para durar",
    ),
    "fr": (
        "Fait pour des gens comme vous.", "Pensé pour votre quotidien",
        "Pensé pour ton quotidien", "Fait avec soin, jusque dans les détails",
        "Une qualité qui se voit", "Une qualité qui se voit dès le premier jour",
        "Petit changement. Grande différence.", "Le petit plus que vous sentirez chaque jour.",
        "Maintenant, ça marche.", "Fait pour durer",
    ),
    "de": (
        "Gemacht für Menschen wie dich.", "Gemacht für Menschen wie Sie.",
        "Für deinen Alltag gedacht", "Für Ihren Alltag gedacht", "Mit Sorgfalt gemacht",
        "Mit Sorgfalt gemacht, bis ins Detail", "Qualität, die man vom ersten Tag an merkt",
        "Kleine Änderung. Großer Unterschied.", "Das Upgrade, das du jeden Tag spürst.",
        "Das Upgrade, das Sie jeden Tag spüren.", "Jetzt funktioniert es einfach.",
        "Gemacht, um zu halten",
    ),
    "pt": (
        "Feito para pessoas como você.", "Pensado para o seu dia a dia", "Feito com cuidado",
        "Feito com cuidado, até nos detalhes", "Qualidade que se nota desde o primeiro dia",
        "Pequena mudança. Grande diferença.", "Agora simplesmente funciona.", "Feito para durar",
    ),
    "it": (
        "Fatto per persone come te.", "Fatto per persone come Lei.",
        "Pensato per la tua vita di tutti i giorni", "Pensato per il tuo quotidiano",
        "Pensato per il Suo quotidiano", "Fatto con cura", "Fatto con cura, fin nei dettagli",
        "Qualità che si nota dal primo giorno", "Piccolo cambiamento. Grande differenza.",
        "Ora funziona e basta.", "Fatto per durare",
    ),
    "nl": (
        "Gemaakt voor mensen zoals jij.", "Gemaakt voor mensen zoals u.",
        "Bedacht voor jouw dag", "Bedacht voor uw dag", "Met zorg gemaakt",
        "Met zorg gemaakt, tot in de details", "Kwaliteit die je vanaf dag één merkt",
        "Kleine verandering. Groot verschil.", "Nu werkt het gewoon.",
        "Gemaakt om lang mee te gaan",
    ),
    "pl": (
        "Stworzone dla ludzi takich jak ty.", "Z myślą o twojej codzienności",
        "Zrobione z troską", "Zrobione z troską, w każdym detalu",
        "Jakość, którą czuć od pierwszego dnia", "Mała zmiana. Wielka różnica.",
        "Teraz po prostu działa.", "Zrobione, by służyć latami",
    ),
    "sv": (
        "Gjord för människor som du.", "Tänkt för din vardag", "Gjord med omsorg",
        "Gjord med omsorg, ända ner i detaljerna", "Kvalitet du märker från första dagen",
        "Liten förändring. Stor skillnad.", "Nu fungerar det bara.", "Gjord för att hålla",
    ),
    "tr": (
        "Senin gibi insanlar için yapıldı.", "Günlük hayatın için tasarlandı",
        "Özenle yapıldı", "En küçük ayrıntısına kadar özenle yapıldı",
        "İlk günden fark edilen kalite", "Küçük değişiklik. Büyük fark.",
        "Artık sadece çalışıyor.", "Uzun ömürlü yapıldı",
    ),
    "ja": (
        "あなたのために作りました。", "毎日に寄り添うデザイン", "細部までこだわった品質",
        "心を込めて作りました", "長く使える確かなつくり", "小さな変化、大きな違い。",
    ),
    "zh": (
        "为你这样的人打造。", "为日常而设计", "用心打造的品质", "用心制作，细节到位",
        "小改变，大不同。", "经久耐用",
    ),
    "ar": (
        "صُنع لأشخاص مثلك.", "مصمم لحياتك اليومية", "جودة تلاحظها", "صُنع بعناية",
        "صُنع ليدوم", "تغيير صغير، فرق كبير.",
    ),
}  # fmt: skip
