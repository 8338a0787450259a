//! What generated fans and chatters say, in five languages. Facts (age, job, city, relationship,
//! life event) have an English canonical value, used in the labels file, and a phrasing per
//! language.

use rand::rngs::StdRng;
use rand::Rng;

use super::persona::Persona;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    En,
    Es,
    De,
    Pt,
    Fr,
}

impl Language {
    pub fn random(rng: &mut StdRng) -> Language {
        match rng.random_range(0..100) {
            0..60 => Language::En,
            60..75 => Language::Es,
            75..85 => Language::De,
            85..95 => Language::Pt,
            _ => Language::Fr,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::De => "de",
            Language::Pt => "pt",
            Language::Fr => "fr",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    pub fn cities(self) -> &'static [&'static str] {
        match self {
            Language::En => &["Austin", "Chicago", "Denver", "Seattle", "Manchester", "Toronto", "Sydney", "Phoenix"],
            Language::Es => &["Madrid", "Sevilla", "Valencia", "Bogotá", "Monterrey", "Lima"],
            Language::De => &["Berlin", "Hamburg", "München", "Köln", "Wien", "Zürich"],
            Language::Pt => &["Lisboa", "Porto", "São Paulo", "Curitiba", "Recife"],
            Language::Fr => &["Paris", "Lyon", "Marseille", "Bordeaux", "Montréal"],
        }
    }
}

fn pick<'a>(rng: &mut StdRng, options: &[&'a str]) -> &'a str {
    options[rng.random_range(0..options.len())]
}

/// Canonical jobs, and the word for each per language (en, es, de, pt, fr).
pub const JOBS: &[[&str; 5]] = &[
    ["nurse", "enfermero", "Krankenpfleger", "enfermeiro", "infirmier"],
    ["truck driver", "camionero", "LKW-Fahrer", "caminhoneiro", "chauffeur routier"],
    [
        "software engineer",
        "ingeniero de software",
        "Softwareentwickler",
        "engenheiro de software",
        "ingénieur logiciel",
    ],
    ["teacher", "profesor", "Lehrer", "professor", "professeur"],
    ["electrician", "electricista", "Elektriker", "eletricista", "électricien"],
    ["accountant", "contador", "Buchhalter", "contador", "comptable"],
    ["chef", "cocinero", "Koch", "cozinheiro", "cuisinier"],
    ["police officer", "policía", "Polizist", "policial", "policier"],
    ["mechanic", "mecánico", "Mechaniker", "mecânico", "mécanicien"],
    ["student", "estudiante", "Student", "estudante", "étudiant"],
];

/// Canonical relationship statuses, and a full sentence per language.
pub const RELATIONSHIPS: &[(&str, [&str; 5])] = &[
    (
        "single",
        [
            "I'm single, no one waiting for me at home",
            "estoy soltero, nadie me espera en casa",
            "ich bin Single, niemand wartet zu Hause",
            "sou solteiro, ninguém me espera em casa",
            "je suis célibataire, personne ne m'attend",
        ],
    ),
    (
        "married",
        [
            "I'm married but things are complicated",
            "estoy casado pero es complicado",
            "ich bin verheiratet, aber es ist kompliziert",
            "sou casado mas é complicado",
            "je suis marié mais c'est compliqué",
        ],
    ),
    (
        "divorced",
        [
            "I'm divorced since two years",
            "estoy divorciado desde hace dos años",
            "ich bin seit zwei Jahren geschieden",
            "sou divorciado há dois anos",
            "je suis divorcé depuis deux ans",
        ],
    ),
    (
        "in a relationship",
        [
            "I have a girlfriend but she doesn't get me",
            "tengo novia pero no me entiende",
            "ich habe eine Freundin, aber sie versteht mich nicht",
            "tenho namorada mas ela não me entende",
            "j'ai une copine mais elle ne me comprend pas",
        ],
    ),
];

/// Canonical life events, and a full sentence per language.
pub const LIFE_EVENTS: &[(&str, [&str; 5])] = &[
    (
        "got promoted",
        [
            "I just got promoted at work!",
            "me acaban de ascender en el trabajo!",
            "ich wurde gerade befördert!",
            "acabei de ser promovido no trabalho!",
            "je viens d'avoir une promotion !",
        ],
    ),
    (
        "moved house",
        [
            "I just moved into a new apartment",
            "me acabo de mudar a un piso nuevo",
            "ich bin gerade in eine neue Wohnung gezogen",
            "acabei de me mudar para um apartamento novo",
            "je viens de déménager dans un nouvel appart",
        ],
    ),
    (
        "lost a pet",
        [
            "my dog died last week, it's been hard",
            "mi perro murió la semana pasada",
            "mein Hund ist letzte Woche gestorben",
            "meu cachorro morreu semana passada",
            "mon chien est mort la semaine dernière",
        ],
    ),
    (
        "had a baby",
        [
            "I just became a dad",
            "acabo de ser padre",
            "ich bin gerade Vater geworden",
            "acabei de ser pai",
            "je viens de devenir papa",
        ],
    ),
    (
        "started a new job",
        [
            "I started a new job this week",
            "empecé un trabajo nuevo esta semana",
            "ich habe diese Woche einen neuen Job angefangen",
            "comecei um emprego novo esta semana",
            "j'ai commencé un nouveau travail cette semaine",
        ],
    ),
];

pub fn age_line(rng: &mut StdRng, language: Language, age: u32) -> String {
    let template = match language {
        Language::En => pick(rng, &["I'm {} btw", "I am {} years old", "just turned {} last month"]),
        Language::Es => pick(rng, &["tengo {} años", "cumplí {} el mes pasado"]),
        Language::De => pick(rng, &["ich bin {} Jahre alt", "bin letzten Monat {} geworden"]),
        Language::Pt => pick(rng, &["tenho {} anos", "fiz {} mês passado"]),
        Language::Fr => pick(rng, &["j'ai {} ans", "je viens d'avoir {} ans"]),
    };
    template.replace("{}", &age.to_string())
}

pub fn job_line(rng: &mut StdRng, language: Language, job: usize) -> String {
    let word = JOBS[job][language.index()];
    let template = match language {
        Language::En => pick(rng, &["I work as a {}", "long shift today, I'm a {}", "being a {} is exhausting"]),
        Language::Es => pick(rng, &["trabajo de {}", "soy {} y hoy fue un turno largo"]),
        Language::De => pick(rng, &["ich arbeite als {}", "bin {} von Beruf"]),
        Language::Pt => pick(rng, &["trabalho como {}", "sou {} e hoje foi puxado"]),
        Language::Fr => pick(rng, &["je travaille comme {}", "je suis {} et la journée était longue"]),
    };
    template.replace("{}", word)
}

pub fn city_line(rng: &mut StdRng, language: Language, city: usize) -> String {
    let name = language.cities()[city];
    let template = match language {
        Language::En => pick(rng, &["I live in {}", "it's raining here in {}", "greetings from {}"]),
        Language::Es => pick(rng, &["vivo en {}", "aquí en {} hace calor"]),
        Language::De => pick(rng, &["ich wohne in {}", "hier in {} regnet es"]),
        Language::Pt => pick(rng, &["moro em {}", "aqui em {} está frio"]),
        Language::Fr => pick(rng, &["j'habite à {}", "ici à {} il pleut"]),
    };
    template.replace("{}", name)
}

pub fn relationship_line(language: Language, relationship: usize) -> String {
    RELATIONSHIPS[relationship].1[language.index()].to_string()
}

pub fn life_event_line(language: Language, event: usize) -> String {
    LIFE_EVENTS[event].1[language.index()].to_string()
}

/// Small talk by persona and language.
pub fn fan_line(rng: &mut StdRng, language: Language, persona: Persona) -> String {
    let lines: &[&str] = match (language, persona) {
        (Language::En, Persona::Whale) => &[
            "send me everything new",
            "you know I always buy, what else do you have",
            "that last set was worth every cent",
            "I want the full bundle",
            "don't hold back, show me more",
        ],
        (Language::En, Persona::Romantic) => &[
            "I was thinking about you all day",
            "you always make me smile, you know that",
            "good morning beautiful, did you sleep well?",
            "talking to you is the best part of my day",
            "I wish we could have dinner together someday",
            "you're so sweet to me",
        ],
        (Language::En, Persona::Sampler) => {
            &["how much is it?", "maybe later", "what's in it?", "hmm not sure", "ok cool", "is there a discount?"]
        }
        (Language::En, Persona::Drifter) => {
            &["hey again", "sorry been busy", "long time no see", "what's new?", "I'll check later"]
        }
        (Language::En, Persona::Ghost) => &["hi", "ok", "hey", "lol"],
        (Language::Es, Persona::Romantic) => &[
            "pensé en ti todo el día",
            "siempre me haces sonreír",
            "buenos días hermosa",
            "hablar contigo es lo mejor de mi día",
        ],
        (Language::Es, Persona::Whale) => {
            &["mándame todo lo nuevo", "ya sabes que siempre compro", "quiero el paquete completo"]
        }
        (Language::Es, _) => &["hola", "cuánto cuesta?", "tal vez luego", "qué tal?", "ok"],
        (Language::De, Persona::Romantic) => {
            &["ich habe den ganzen Tag an dich gedacht", "du bringst mich immer zum Lächeln", "guten Morgen Schöne"]
        }
        (Language::De, Persona::Whale) => {
            &["schick mir alles Neue", "du weißt, ich kaufe immer", "ich will das ganze Paket"]
        }
        (Language::De, _) => &["hallo", "was kostet das?", "vielleicht später", "wie geht's?", "ok"],
        (Language::Pt, Persona::Romantic) => {
            &["pensei em você o dia todo", "você sempre me faz sorrir", "bom dia linda"]
        }
        (Language::Pt, Persona::Whale) => {
            &["me manda tudo de novo", "você sabe que eu sempre compro", "quero o pacote completo"]
        }
        (Language::Pt, _) => &["oi", "quanto custa?", "talvez depois", "tudo bem?", "ok"],
        (Language::Fr, Persona::Romantic) => {
            &["j'ai pensé à toi toute la journée", "tu me fais toujours sourire", "bonjour ma belle"]
        }
        (Language::Fr, Persona::Whale) => {
            &["envoie-moi tout ce qui est nouveau", "tu sais que j'achète toujours", "je veux le pack complet"]
        }
        (Language::Fr, _) => &["salut", "c'est combien ?", "peut-être plus tard", "ça va ?", "ok"],
    };
    pick(rng, lines).to_string()
}

/// What chatters write, in the fan's language.
pub fn chatter_line(rng: &mut StdRng, language: Language, persona: Persona) -> String {
    let lines: &[&str] = match language {
        Language::En if persona == Persona::Romantic => {
            &["aww you're so sweet", "tell me about your day babe", "I missed you", "you always know what to say"]
        }
        Language::En => &[
            "hey you, how's your day?",
            "what are you up to?",
            "I just finished a shoot",
            "tell me more about you",
            "haha you're funny",
            "I've got something special coming",
        ],
        Language::Es => {
            &["hola guapo, qué tal tu día?", "cuéntame más de ti", "jaja eres gracioso", "tengo algo especial para ti"]
        }
        Language::De => &[
            "hey du, wie war dein Tag?",
            "erzähl mir mehr von dir",
            "haha du bist lustig",
            "ich habe etwas Besonderes für dich",
        ],
        Language::Pt => &[
            "oi lindo, como foi seu dia?",
            "me conta mais de você",
            "haha você é engraçado",
            "tenho algo especial pra você",
        ],
        Language::Fr => &[
            "coucou, ta journée ?",
            "raconte-moi plus sur toi",
            "haha t'es drôle",
            "j'ai quelque chose de spécial pour toi",
        ],
    };
    pick(rng, lines).to_string()
}

/// A paid-content offer at `price`.
pub fn offer_line(rng: &mut StdRng, language: Language, price: f64) -> String {
    let template = match language {
        Language::En => pick(
            rng,
            &[
                "new set just for you, unlock it for ${}",
                "exclusive video, ${} to unlock",
                "I made this one thinking of you (${})",
            ],
        ),
        Language::Es => pick(rng, &["contenido nuevo solo para ti, ${}", "video exclusivo por ${}"]),
        Language::De => pick(rng, &["neues Set nur für dich, ${}", "exklusives Video für ${}"]),
        Language::Pt => pick(rng, &["conteúdo novo só pra você, ${}", "vídeo exclusivo por ${}"]),
        Language::Fr => pick(rng, &["nouveau contenu rien que pour toi, {}$", "vidéo exclusive à {}$"]),
    };
    template.replace("{}", &format!("{price:.0}"))
}
