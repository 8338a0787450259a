//! The `local` provider: an offline rule-and-lexicon extractor, not a language model.
//!
//! - Explicit self-statements, in English, Spanish, German, Portuguese and French: stated age
//!   ("I'm 34", "34 years old", "tengo 34 años"), job ("I work as a nurse", "soy enfermero"),
//!   place ("I live in Austin", "aquí en Madrid"), relationship status ("I'm divorced", "my wife")
//!   and life events ("just got promoted", "my dog died").
//! - Emotional needs, purchase motivations and personality traits from word lists.
//! - Communication style from message statistics (length, emoji, questions, exclamations) and
//!   word lists.
//!
//! No crate does this; it is deliberately simple, deterministic and fast (thousands of fans per
//! second). Its agreement with gpt-4o is measured in BENCHMARKS.md.

use std::sync::LazyLock;

use regex::Regex;

use super::profile::Profile;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in pattern {pattern}: {e}"))
}

static AGE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?i)\b(?:i'?m|i am|im)\s+(\d{2})(?:\s*(?:years?|yrs?|y/?o)\b|\s*[.,!?]|\s+(?:and|btw|now|lol|haha|too|myself|here|yet|but|so)\b|\s*$)",
        r"(?i)\b(\d{2})\s*(?:years?|yrs?)[ -]old\b",
        r"(?i)\b(\d{2})\s*y/?o\b",
        r"(?i)\bturn(?:ed|ing|s)?\s+(\d{2})\b",
        r"(?i)\bmy age is\s+(\d{2})\b",
        r"(?i)\btengo\s+(\d{2})\s+años\b",
        r"(?i)\bcumplí\s+(\d{2})\b",
        r"(?i)\bich bin\s+(\d{2})(?:\s+jahre)?\b",
        r"(?i)\b(\d{2})\s+jahre alt\b",
        r"(?i)\bbin .{0,20}?(\d{2}) geworden\b",
        r"(?i)\btenho\s+(\d{2})\s+anos\b",
        r"(?i)\bfiz\s+(\d{2})\b",
        r"(?i)\bj'?ai\s+(\d{2})\s+ans\b",
        r"(?i)\bd'avoir\s+(\d{2})\s+ans\b",
    ]
    .iter()
    .map(|p| re(p))
    .collect()
});

static AGE_PHRASES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:i'?m|i am) in my (twenties|thirties|forties|fifties|sixties|20s|30s|40s|50s|60s)\b")
});

/// Job titles a bare "I'm a ..." / "soy ..." may name, per language.
const JOB_WORDS: &str = "nurse|teacher|engineer|software engineer|developer|programmer|driver|truck driver|trucker|\
student|chef|cook|electrician|mechanic|accountant|lawyer|doctor|soldier|police officer|cop|firefighter|plumber|\
carpenter|cashier|waiter|bartender|manager|salesman|farmer|pilot|security guard|construction worker|nurse aide|\
caregiver|paramedic|welder|contractor|banker|consultant|designer|artist|tattoo artist|musician|photographer|\
enfermero|enfermera|profesor|profesora|camionero|ingeniero|cocinero|electricista|contador|policía|mecánico|estudiante|\
krankenpfleger|lehrer|softwareentwickler|elektriker|buchhalter|koch|polizist|mechaniker|\
enfermeiro|professor|caminhoneiro|eletricista|cozinheiro|policial|mecânico|estudante|\
infirmier|infirmière|professeur|chauffeur routier|électricien|comptable|cuisinier|policier|mécanicien|étudiant";

static JOB: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let until = r"([\p{L}][\p{L} \-]{1,40}?)(?:\s*[.,!?;:)]|\s+(?:and|but|at|in|for|so|since|y|pero|und|aber|e|mas|et|mais)\b|$)";
    let mut patterns: Vec<Regex> = [
        format!(r"(?im)\bi work as (?:an?\s+)?{until}"),
        format!(r"(?im)\bmy job as (?:an?\s+)?{until}"),
        format!(r"(?im)\btrabajo (?:de|como) {until}"),
        format!(r"(?im)\bich arbeite als {until}"),
        format!(r"(?im)\btrabalho como {until}"),
        format!(r"(?im)\bje travaille comme {until}"),
    ]
    .iter()
    .map(|p| re(p))
    .collect();
    patterns.push(re(&format!(r"(?i)\b(?:i'?m|i am|im|being|as) an? ({JOB_WORDS})\b")));
    patterns.push(re(&format!(r"(?i)\b(?:soy|sou|je suis|bin) ({JOB_WORDS})\b")));
    patterns.push(re(r"(?i)\bi work (?:in|at) (?:an? |the )?([\p{L}]+(?: [\p{L}]+)?)\b"));
    patterns
});

static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?i:i live in|i'm from|im from|i am from|here in|greetings from|based in|moved to|living in|vivo en|aquí en|aqui en|soy de|ich wohne in|hier in|ich komme aus|moro em|sou de|j'habite à|j'habite a|ici à|je viens de))[ \t]+(\p{Lu}[\p{L}'.\-]*(?:[ \t]+\p{Lu}[\p{L}'.\-]*){0,2})",
    )
});

static RELATIONSHIP: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (r"(?i)\b(?:i'?m|i am|im|still|being) single\b|\bsoltero\b|\bsoltera\b|\bich bin single\b|\bsolteir[oa]\b|\bcélibataire\b", "single"),
        (r"(?i)\b(?:i'?m|i am|im) (?:happily |un)?married\b|\bmy (?:wife|husband)\b|\bestoy casad[oa]\b|\bverheiratet\b|\bsou casad[oa]\b|\bje suis marié", "married"),
        (r"(?i)\bdivorced\b|\bdivorciad[oa]\b|\bgeschieden\b|\bdivorcé", "divorced"),
        (r"(?i)\bmy (?:girlfriend|boyfriend|partner|gf|bf)\b|\bi have a (?:girlfriend|boyfriend|partner)\b|\btengo novi[oa]\b|\bmeine freundin\b|\bmein freund\b|\btenho namorad[oa]\b|\bma copine\b|\bmon copain\b", "in a relationship"),
        (r"(?i)\bwidow(?:er|ed)?\b|\bviud[oa]\b|\bverwitwet\b", "widowed"),
        (r"(?i)\bseparated\b|\bseparad[oa]\b|\bgetrennt\b", "separated"),
    ]
    .iter()
    .map(|(p, label)| (re(p), *label))
    .collect()
});

static LIFE_EVENTS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (r"(?i)\bgot promoted\b|\bpromotion\b|\bascend(?:ido|ieron|er)\b|\bbefördert\b|\bpromovid[oa]\b", "got promoted"),
        (r"(?i)\bjust moved\b|\bmoving (?:to|house|out)\b|\bnew (?:apartment|place|house)\b|\bme (?:acabo de )?mud[éeo]\b|\bumgezogen\b|\bneue wohnung\b|\bme mudei\b|\bdéménag", "moved house"),
        (r"(?i)\bmy (?:dog|cat|pet) (?:died|passed)\b|\bperro murió\b|\bhund ist .{0,20}gestorben\b|\bcachorro morreu\b|\bchien est mort\b", "lost a pet"),
        (r"(?i)\bbecame a (?:dad|father|mom|mother)\b|\bhad a baby\b|\bnew baby\b|\bser padre\b|\bvater geworden\b|\bser pai\b|\bdevenir papa\b", "had a baby"),
        (r"(?i)\b(?:started|starting|got) a new job\b|\bnew job\b|\btrabajo nuevo\b|\bneuen job\b|\bemprego novo\b|\bnouveau travail\b", "started a new job"),
        (r"(?i)\b(?:lost my job|got fired|laid off)\b", "lost job"),
        (r"(?i)\bgetting divorced\b|\bdivorce\b", "divorce"),
        (r"(?i)\bwedding\b|\bgetting married\b", "wedding"),
        (r"(?i)\bsurgery\b|\bin (?:the )?hospital\b|\boperation\b", "health issue"),
        (r"(?i)\bgraduat(?:ed|ing|ion)\b", "graduation"),
        (r"(?i)\b(?:my )?birthday\b", "birthday"),
        (r"(?i)\b(?:broke up|break ?up)\b", "breakup"),
        (r"(?i)\b(?:vacation|holiday|trip)\b", "travel"),
        (r"(?i)\b(?:passed away|funeral)\b", "bereavement"),
    ]
    .iter()
    .map(|(p, label)| (re(p), *label))
    .collect()
});

/// Word lists for the softer fields: (pattern, value).
type Lexicon = LazyLock<Vec<(Regex, &'static str)>>;

fn lexicon(entries: &[(&str, &'static str)]) -> Vec<(Regex, &'static str)> {
    entries.iter().map(|(p, label)| (re(&format!(r"(?i)\b(?:{p})")), *label)).collect()
}

static EMOTIONAL_NEEDS: Lexicon = LazyLock::new(|| {
    lexicon(&[
        (r"lonely|alone|no one|nobody|solo|allein|sozinho|seul", "companionship"),
        (
            r"miss(?:ed)? you|thinking (?:about|of) you|pensé en ti|an dich gedacht|pensei em você|pensé à toi",
            "connection",
        ),
        (r"stress|exhaust|long (?:day|shift)|hard day|tired|cansad|müde|fatigu", "stress relief"),
        (r"do you like|am i|you think i|proud of me|notice me|appreciate", "validation"),
        (r"love you|babe|baby|sweetheart|darling|cariño|schatz|amor|chérie", "affection"),
        (r"talk|chat|listen|hablar|reden|conversar|parler", "conversation"),
        (r"attention|ignor|reply|answer me|respond", "attention"),
        (r"make me smile|cheer|happy|smile|sonreír|lächeln|sorrir|sourire", "positivity"),
    ])
});

static PURCHASE_MOTIVATIONS: Lexicon = LazyLock::new(|| {
    lexicon(&[
        (
            r"how much|price|cost|discount|cheaper|expensive|broke|no money|can'?t afford|cuánto|was kostet|quanto custa|c'est combien",
            "price sensitivity",
        ),
        (r"exclusive|only for me|just for me|custom|personal|special", "exclusivity"),
        (
            r"new (?:content|set|video|pics?)|send me|show me|more|everything new|todo lo nuevo|alles neue|tudo de novo|tout ce qui est nouveau",
            "new content",
        ),
        (r"bundle|package|paquete|paket|pacote|pack\b", "bundles"),
        (r"support you|for you|help you|worth (?:it|every)", "supporting the creator"),
        (r"what'?s in it|curious|wonder|what is it", "curiosity"),
        (
            r"always buy|take my money|i'?ll buy|siempre compro|ich kaufe immer|sempre compro|j'achète toujours",
            "loyalty",
        ),
    ])
});

static PERSONALITY: Lexicon = LazyLock::new(|| {
    lexicon(&[
        (r"haha|lol|lmao|joke|funny|jaja", "humorous"),
        (r"sorry|apologi[sz]e|perdón|entschuldig|desculp|désolé", "apologetic"),
        (r"please|thank|thanks|gracias|danke|obrigad|merci", "polite"),
        (r"shy|nervous|tímido|schüchtern|tímido|timide", "shy"),
        (r"love|sweet|beautiful|gorgeous|hermosa|schöne|linda|belle", "romantic"),
        (r"always buy|take my money|don'?t hold back|worth every", "generous"),
        (r"busy|work|shift|ocupado|beschäftigt", "hardworking"),
    ])
});

static FLIRTY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:sexy|hot|cute|gorgeous|beautiful|babe|kiss|😘|😍|🔥)"));

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF)
}

/// Communication style from message statistics.
fn communication_style(lines: &[&str]) -> Vec<String> {
    let mut style: Vec<&str> = Vec::new();
    if lines.is_empty() {
        return Vec::new();
    }
    let n = lines.len() as f64;
    let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
    let share = |test: &dyn Fn(&str) -> bool| lines.iter().filter(|l| test(l)).count() as f64 / n;
    let mean_words = words as f64 / n;
    if mean_words < 4.0 {
        style.push("brief");
    } else if mean_words > 15.0 {
        style.push("expressive");
    } else {
        style.push("conversational");
    }
    if share(&|l| l.chars().any(is_emoji)) > 0.25 {
        style.push("uses emojis");
    }
    if share(&|l| l.contains('?')) > 0.3 {
        style.push("inquisitive");
    }
    if share(&|l| l.contains('!')) > 0.3 {
        style.push("enthusiastic");
    }
    if share(&|l| FLIRTY.is_match(l)) > 0.2 {
        style.push("flirty");
    }
    if share(&|l| l.to_lowercase().contains("haha") || l.to_lowercase().contains("lol")) > 0.15 {
        style.push("playful");
    }
    style.into_iter().map(str::to_string).collect()
}

fn matches(lexicon: &[(Regex, &'static str)], text: &str) -> Vec<String> {
    lexicon.iter().filter(|(pattern, _)| pattern.is_match(text)).map(|(_, label)| label.to_string()).collect()
}

fn trimmed_phrase(phrase: &str) -> String {
    phrase.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
}

/// A profile of the fan who wrote `text` (messages one per line).
pub fn profile(text: &str) -> Profile {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut ages = Vec::new();
    for pattern in AGE.iter() {
        for captures in pattern.captures_iter(text) {
            if let Some(age) =
                captures.get(1).and_then(|m| m.as_str().parse::<u32>().ok()).filter(|a| (18..=99).contains(a))
            {
                ages.push(age.to_string());
            }
        }
    }
    ages.extend(
        AGE_PHRASES
            .captures_iter(text)
            .filter_map(|c| c.get(1))
            .map(|m| format!("in their {}", m.as_str().to_lowercase())),
    );
    let jobs = JOB
        .iter()
        .flat_map(|p| {
            p.captures_iter(text).filter_map(|c| c.get(1)).map(|m| trimmed_phrase(m.as_str())).collect::<Vec<_>>()
        })
        .filter(|j| !matches!(j.to_lowercase().as_str(), "a" | "the" | "home" | "bed" | "work" | "the moment"))
        .collect();
    let places = PLACE.captures_iter(text).filter_map(|c| c.get(1)).map(|m| trimmed_phrase(m.as_str())).collect();
    Profile::from_lists([
        ages,
        jobs,
        places,
        matches(&RELATIONSHIP, text),
        matches(&PERSONALITY, text),
        matches(&EMOTIONAL_NEEDS, text),
        matches(&PURCHASE_MOTIVATIONS, text),
        communication_style(&lines),
        matches(&LIFE_EVENTS, text),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_statements_in_several_languages() {
        let p = profile("hey\nI'm 34 btw\nI work as a truck driver, long hours\nI live in Austin\nI'm divorced\nI just got promoted!");
        assert_eq!(p.fields[0], vec!["34"]);
        assert_eq!(p.fields[1], vec!["truck driver"]);
        assert_eq!(p.fields[2], vec!["Austin"]);
        assert_eq!(p.fields[3], vec!["divorced"]);
        assert!(p.fields[8].contains(&"got promoted".to_string()));

        let es = profile("tengo 41 años\ntrabajo de enfermero\nvivo en Sevilla\nestoy casado pero es complicado");
        assert_eq!(
            (es.fields[0].clone(), es.fields[1].clone(), es.fields[2].clone()),
            (vec!["41".into()], vec!["enfermero".into()], vec!["Sevilla".into()])
        );
        assert_eq!(es.fields[3], vec!["married"]);

        let de = profile("ich bin 29 Jahre alt\nich arbeite als Lehrer\nich wohne in München");
        assert_eq!(
            (de.fields[0].clone(), de.fields[1].clone(), de.fields[2].clone()),
            (vec!["29".into()], vec!["Lehrer".into()], vec!["München".into()])
        );
    }

    #[test]
    fn numbers_that_are_not_ages_are_ignored() {
        let p = profile("I'm 185cm tall\nI have 2 cats\nit costs 20 dollars");
        assert!(p.fields[0].is_empty(), "{:?}", p.fields[0]);
    }

    #[test]
    fn style_from_statistics() {
        let p = profile("hi\nok\nlol?");
        assert!(p.fields[7].contains(&"brief".to_string()));
    }
}
