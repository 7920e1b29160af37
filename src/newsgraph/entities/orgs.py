"""Organisations news writes many ways: canonical name | alias | alias ...

Aliases written in capitals (IS, ISIS, UN) match only in capitals; others match case-insensitively
but must start with a capital letter in the text.
"""
from __future__ import annotations

ORG_ALIASES: tuple[str, ...] = (
    "Islamic State|IS|ISIS|ISIL|Daesh|Da'esh|Islamic State group|Islamic State of Iraq and the Levant|Islamic State of Iraq and Syria",
    "al-Qaeda|al Qaeda|al-Qaida|al Qaida|Al-Qaeda|Al Qaeda",
    "al-Qaeda in the Arabian Peninsula|AQAP",
    "al-Shabaab|al-Shabab|al Shabaab|Al-Shabaab",
    "Taliban|Afghan Taliban",
    "Pakistani Taliban|Tehrik-i-Taliban Pakistan|Tehreek-e-Taliban Pakistan|Tehrik-e-Taliban Pakistan|TTP",
    "East Turkestan Islamic Movement|ETIM|East Turkistan Islamic Movement",
    "Turkistan Islamic Party|TIP",
    "Lashkar-e-Taiba|Lashkar-e-Toiba",
    "Jaish-e-Mohammed|Jaish-e-Muhammad",
    "Boko Haram",
    "Hamas",
    "Hezbollah|Hizbollah|Hizballah",
    "Kurdistan Workers' Party|PKK",
    "Muslim Brotherhood",
    "Communist Party of China|Chinese Communist Party|CCP|CPC",
    "People's Liberation Army|PLA",
    "United Nations|UN|U.N.",
    "UN Security Council|United Nations Security Council|U.N. Security Council",
    "North Atlantic Treaty Organization|NATO|North Atlantic Treaty Organisation",
    "European Union|EU|E.U.",
    "African Union|AU",
    "Association of Southeast Asian Nations|ASEAN",
    "Shanghai Cooperation Organisation|Shanghai Cooperation Organization|SCO",
    "Organisation of Islamic Cooperation|Organization of Islamic Cooperation|OIC",
    "World Health Organization|WHO|World Health Organisation",
    "International Monetary Fund|IMF",
    "World Bank",
    "World Trade Organization|WTO|World Trade Organisation",
    "International Committee of the Red Cross|ICRC|Red Cross",
    "Amnesty International|Amnesty",
    "Human Rights Watch|HRW",
    "Federal Bureau of Investigation|FBI",
    "Central Intelligence Agency|CIA",
    "Inter-Services Intelligence|ISI",
    "Xinhua|Xinhua News Agency",
    "Reuters",
    "Associated Press|AP",
    "Agence France-Presse|AFP",
    "British Broadcasting Corporation|BBC",
    "International Criminal Court|ICC",
    "Organization of the Petroleum Exporting Countries|OPEC",
)


def alias_table() -> dict[str, str]:
    """Alias as written (capitals) or folded (others) -> canonical name."""
    from newsgraph.places.gazetteer import fold

    table: dict[str, str] = {}
    for line in ORG_ALIASES:
        names = line.split("|")
        for name in names:
            table[name if name.replace(".", "").isupper() else fold(name)] = names[0]
    return table
