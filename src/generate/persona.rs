//! Fan personas (the seed report's five segments) and the profile facts a fan carries.

use rand::rngs::StdRng;
use rand::Rng;

use super::phrases::{self, Language};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persona {
    /// Big spenders: many messages, frequent purchases and tips.
    Whale,
    /// Long affectionate chats, moderate purchases.
    Romantic,
    /// One small purchase, then fading interest.
    Sampler,
    /// Sporadic visits days apart, rare purchases.
    Drifter,
    /// A few words and gone; never buys.
    Ghost,
}

impl Persona {
    pub fn name(self) -> &'static str {
        match self {
            Persona::Whale => "whale",
            Persona::Romantic => "romantic",
            Persona::Sampler => "sampler",
            Persona::Drifter => "drifter",
            Persona::Ghost => "ghost",
        }
    }

    fn random(rng: &mut StdRng) -> Persona {
        match rng.random_range(0..100) {
            0..10 => Persona::Whale,
            10..30 => Persona::Romantic,
            30..55 => Persona::Sampler,
            55..80 => Persona::Drifter,
            _ => Persona::Ghost,
        }
    }

    pub fn behaviour(self) -> Behaviour {
        match self {
            Persona::Whale => Behaviour {
                messages: (60, 160),
                sessions: (3, 6),
                reply_rate: 0.9,
                offer_rate: 0.15,
                buy_rate: 0.8,
                tip_rate: 0.08,
                prices: &[20.0, 30.0, 50.0, 75.0, 100.0],
                tips: &[10.0, 20.0, 50.0],
                max_reply_seconds: 240,
                session_gap_hours: (5, 20),
            },
            Persona::Romantic => Behaviour {
                messages: (50, 130),
                sessions: (2, 5),
                reply_rate: 0.95,
                offer_rate: 0.06,
                buy_rate: 0.45,
                tip_rate: 0.03,
                prices: &[10.0, 15.0, 20.0, 25.0],
                tips: &[5.0, 10.0],
                max_reply_seconds: 420,
                session_gap_hours: (5, 30),
            },
            Persona::Sampler => Behaviour {
                messages: (12, 35),
                sessions: (1, 3),
                reply_rate: 0.75,
                offer_rate: 0.12,
                buy_rate: 0.6,
                tip_rate: 0.0,
                prices: &[5.0, 8.0, 10.0],
                tips: &[2.0],
                max_reply_seconds: 600,
                session_gap_hours: (6, 40),
            },
            Persona::Drifter => Behaviour {
                messages: (8, 30),
                sessions: (3, 7),
                reply_rate: 0.55,
                offer_rate: 0.08,
                buy_rate: 0.08,
                tip_rate: 0.01,
                prices: &[10.0, 15.0, 20.0],
                tips: &[5.0],
                max_reply_seconds: 900,
                session_gap_hours: (20, 60),
            },
            Persona::Ghost => Behaviour {
                messages: (1, 5),
                sessions: (1, 1),
                reply_rate: 0.35,
                offer_rate: 0.1,
                buy_rate: 0.0,
                tip_rate: 0.0,
                prices: &[10.0, 15.0],
                tips: &[1.0],
                max_reply_seconds: 1200,
                session_gap_hours: (5, 10),
            },
        }
    }
}

/// How a persona behaves; ranges are inclusive.
pub struct Behaviour {
    pub messages: (usize, usize),
    pub sessions: (usize, usize),
    /// Share of chatter messages the fan answers.
    pub reply_rate: f64,
    /// Share of rows where the chatter offers paid content.
    pub offer_rate: f64,
    /// Chance the fan buys an offer.
    pub buy_rate: f64,
    pub tip_rate: f64,
    pub prices: &'static [f64],
    pub tips: &'static [f64],
    pub max_reply_seconds: i64,
    /// Silence between sessions, always over the 4-hour sessionizing gap.
    pub session_gap_hours: (i64, i64),
}

/// A fan and the facts about them that their messages may reveal.
pub struct Fan {
    pub fan_id: String,
    pub persona: Persona,
    pub language: Language,
    pub age: u32,
    pub job: usize,
    pub city: usize,
    pub relationship: usize,
    pub life_event: usize,
}

impl Fan {
    pub fn random(rng: &mut StdRng, index: usize) -> Fan {
        let language = Language::random(rng);
        Fan {
            fan_id: format!("fan_{}", 100_000 + index),
            persona: Persona::random(rng),
            language,
            age: rng.random_range(19..=64),
            job: rng.random_range(0..phrases::JOBS.len()),
            city: rng.random_range(0..language.cities().len()),
            relationship: rng.random_range(0..phrases::RELATIONSHIPS.len()),
            life_event: rng.random_range(0..phrases::LIFE_EVENTS.len()),
        }
    }

    /// The facts this fan will mention to one model, in random order; ghosts say little.
    pub fn facts_to_reveal(&self, rng: &mut StdRng) -> Facts {
        let share = match self.persona {
            Persona::Ghost => 0.15,
            Persona::Drifter => 0.5,
            _ => 0.8,
        };
        let mut pending: Vec<Fact> = [Fact::Age, Fact::Job, Fact::City, Fact::Relationship, Fact::LifeEvent]
            .into_iter()
            .filter(|_| rng.random_bool(share))
            .collect();
        // Fisher-Yates shuffle so facts come in varied order.
        for i in (1..pending.len()).rev() {
            pending.swap(i, rng.random_range(0..=i));
        }
        Facts { pending, revealed: Vec::new(), fan: self.snapshot() }
    }

    fn snapshot(&self) -> FanFacts {
        FanFacts {
            language: self.language,
            age: self.age,
            job: self.job,
            city: self.city,
            relationship: self.relationship,
            life_event: self.life_event,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    Age,
    Job,
    City,
    Relationship,
    LifeEvent,
}

#[derive(Clone, Copy)]
struct FanFacts {
    language: Language,
    age: u32,
    job: usize,
    city: usize,
    relationship: usize,
    life_event: usize,
}

/// The facts still to be said in one conversation, and those already said.
pub struct Facts {
    pending: Vec<Fact>,
    pub revealed: Vec<Fact>,
    fan: FanFacts,
}

impl Facts {
    /// A message stating the next fact, now and then (so facts spread over the conversation).
    pub fn pop_if_due(&mut self, rng: &mut StdRng) -> Option<String> {
        if self.pending.is_empty() || !rng.random_bool(0.12) {
            return None;
        }
        let fact = self.pending.pop()?;
        self.revealed.push(fact);
        let f = self.fan;
        Some(match fact {
            Fact::Age => phrases::age_line(rng, f.language, f.age),
            Fact::Job => phrases::job_line(rng, f.language, f.job),
            Fact::City => phrases::city_line(rng, f.language, f.city),
            Fact::Relationship => phrases::relationship_line(f.language, f.relationship),
            Fact::LifeEvent => phrases::life_event_line(f.language, f.life_event),
        })
    }
}
