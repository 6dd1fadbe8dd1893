//! The homework feature's formats and logic (issue #12): assignments and rubrics, the students'
//! seeds, the work log's hash chain, checks, the report page and the teacher's verification,
//! bit-reproducible CPU training, and the bundled assignments against their JSON Schema.

use std::collections::BTreeMap;
use std::path::Path;

use burn::prelude::*;
use latent_lab::data::Dataset;
use latent_lab::homework::assignment::{
    Assignment, AssignmentError, Bilingual, MAX_BYTES, Rubric, RubricCheck,
};
use latent_lab::homework::checks::{Check, Op, Visibility, evaluate, word_count};
use latent_lab::homework::log::{ChainError, GENESIS, NewEntry, WorkLog, kinds};
use latent_lab::homework::report::{
    Figure, MAX_REPORT_BYTES, ReportError, ReportRecord, Student, TaskReport, extract_record,
    render_html,
};
use latent_lab::homework::seed::student_seed;
use latent_lab::homework::verify::{
    Status, csv_field, feedback_text, gradebook_csv, identical_weights, verify_record,
};
use latent_lab::homework::{metrics, replay, views};
use latent_lab::i18n::Lang;
use latent_lab::link::Location;
use latent_lab::model::history::HistoryPoint;
use latent_lab::model::lab::{LabConfig, LabKind};
use latent_lab::model::trained_file::{self, TrainedFileError, TrainedMeta};

const ASSIGNMENTS: &str = "static/assignments";

/// Burn's CPU backend keeps one random generator for the whole process: a test seeding it and
/// initialising a model must not interleave with another test's model initialisation (the
/// browser runs one thread, so this only concerns the parallel test runner).
fn burn_rng() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn example() -> String {
    r##"{
  "format": "latent-lab-assignment", "version": 1, "id": "ae-small",
  "title": {"ro": "Temă", "en": "Homework"},
  "instructions": {"ro": "Antrenați.", "en": "Train."},
  "tasks": [
    {"title": {"ro": "Cod mic", "en": "Small code"},
     "instructions": {"ro": "Antrenați un AE.", "en": "Train an AE."},
     "points": 3, "view": "#/train?kind=ae&hidden=8&latent=2&batch=32&epochs=1",
     "locked": ["kind", "latent"],
     "hand_in": [{"type": "model", "constraints": {"kind": "ae", "latent": 2}},
                 {"type": "metrics", "names": ["test_mse"]}],
     "checks": [{"id": "mse-below", "metric": "test_mse", "op": "<", "value": 0.5, "points": 2}]},
    {"title": {"ro": "Răspuns", "en": "Answer"},
     "instructions": {"ro": "Scrieți.", "en": "Write."},
     "points": 1, "view": "#/noise?sigma=0.5",
     "hand_in": [{"type": "answer", "min_words": 2, "max_words": 50}],
     "checks": [{"id": "words", "metric": "answer_words", "op": "between", "value": 2, "max": 50, "points": 1}]}
  ]
}"##
    .to_string()
}

fn parse_err(text: &str) -> AssignmentError {
    Assignment::parse(text.as_bytes()).expect_err("should be refused")
}

/// The example with `from` replaced by `to` (exactly once).
fn edited(from: &str, to: &str) -> String {
    let text = example();
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replace(from, to)
}

#[test]
fn an_assignment_round_trips_and_hashes_canonically() {
    let a = Assignment::parse(example().as_bytes()).unwrap();
    assert_eq!(a.tasks.len(), 2);
    assert_eq!(a.title.get(Lang::Ro), "Temă");
    assert_eq!(a.title.get(Lang::En), "Homework");
    assert_eq!(a.tasks[1].checks[0].op, Op::Between);
    let back = Assignment::parse(a.to_pretty_json().as_bytes()).unwrap();
    assert_eq!(back, a);
    assert_eq!(back.hash(), a.hash());
    assert_eq!(a.hash().len(), 64);
    // Spacing and key order do not change the hash; content does.
    let compact: serde_json::Value = serde_json::from_str(&example()).unwrap();
    let again = Assignment::parse(compact.to_string().as_bytes()).unwrap();
    assert_eq!(again.hash(), a.hash());
    let other = Assignment::parse(edited("\"value\": 0.5", "\"value\": 0.4").as_bytes()).unwrap();
    assert_ne!(other.hash(), a.hash());
    let config = a.tasks[0].train_config().unwrap();
    assert_eq!(
        (config.latent, config.hidden.clone(), config.batch_size),
        (2, vec![8], 32)
    );
    assert_eq!(a.tasks[1].train_config(), None);
}

#[test]
fn every_assignment_error_says_what_and_where() {
    let big = vec![b' '; MAX_BYTES + 1];
    let e = Assignment::parse(&big).unwrap_err();
    assert!(matches!(e, AssignmentError::TooLarge { .. }));
    assert!(e.to_string().contains("at most 1048576"), "{e}");

    let e = parse_err("{not json");
    assert!(e.to_string().starts_with("the file is not JSON"), "{e}");

    let e = parse_err(&edited("latent-lab-assignment", "latent-lab-rubric"));
    assert_eq!(
        e.to_string(),
        "\"format\" is \"latent-lab-rubric\", not \"latent-lab-assignment\": this is not a Latent Lab assignment file"
    );

    let e = parse_err(&edited("\"version\": 1", "\"version\": 2"));
    assert_eq!(
        e.to_string(),
        "made for a newer Latent Lab (version 2); this one reads version 1"
    );
    let e = parse_err(&edited("\"version\": 1", "\"version\": \"1\""));
    assert_eq!(e, AssignmentError::BadVersion);

    let e = parse_err(&edited(
        "{\"ro\": \"Cod mic\", \"en\": \"Small code\"}",
        "{\"ro\": \"Cod mic\"}",
    ));
    assert_eq!(
        e.to_string(),
        "task 1, title: the text in \"en\" is missing (every text is given in \"ro\" and \"en\")"
    );
    let e = parse_err(&edited(
        "{\"ro\": \"Temă\", \"en\": \"Homework\"}",
        "{\"ro\": \" \", \"en\": \"Homework\"}",
    ));
    assert_eq!(
        e,
        AssignmentError::MissingText {
            at: "the assignment's title".into(),
            lang: "ro"
        }
    );

    let empty: serde_json::Value = {
        let mut v: serde_json::Value = serde_json::from_str(&example()).unwrap();
        v["tasks"] = serde_json::json!([]);
        v
    };
    assert_eq!(parse_err(&empty.to_string()), AssignmentError::NoTasks);
    assert_eq!(
        parse_err(&empty.to_string()).to_string(),
        "the assignment has no tasks"
    );

    let e = parse_err(&edited("#/noise?sigma=0.5", "#/noise?sigma=2"));
    assert_eq!(
        e.to_string(),
        "task 2: view \"#/noise?sigma=2\": \"sigma=2\" is outside the key's limits (the app would use 1)"
    );
    let e = parse_err(&edited("#/noise?sigma=0.5", "#/nois?sigma=0.5"));
    assert!(matches!(e, AssignmentError::BadView { .. }));
    assert!(
        e.to_string().contains("\"nois\" is not a view of the app"),
        "{e}"
    );
    let e = parse_err(&edited("#/noise?sigma=0.5", "#/noise?latent=3"));
    assert!(
        e.to_string()
            .contains("the noise view has no key \"latent\""),
        "{e}"
    );
    let e = parse_err(&edited("kind=ae&", "kind=gan&"));
    assert!(e.to_string().contains("\"kind=gan\" cannot be read"), "{e}");

    let e = parse_err(&edited(
        "\"locked\": [\"kind\", \"latent\"]",
        "\"locked\": [\"kind\", \"seed\"]",
    ));
    assert_eq!(
        e.to_string(),
        "task 1: locked key \"seed\" is not in the task's view link (a locked key needs the value it is locked to)"
    );

    let e = parse_err(&edited("\"op\": \"<\"", "\"op\": \"!=\""));
    assert_eq!(
        e.to_string(),
        "task 1, check 'mse-below': unknown op \"!=\" (one of: <, <=, >, >=, between)"
    );
    let e = parse_err(&edited(", \"max\": 50", ""));
    assert_eq!(
        e.to_string(),
        "task 2, check 'words': \"op\": \"between\" needs \"max\", the upper bound (\"value\" is the lower one)"
    );
    let e = parse_err(&edited("\"max\": 50", "\"max\": 1"));
    assert!(
        e.to_string()
            .contains("\"between\" needs \"value\" ≤ \"max\""),
        "{e}"
    );
    let e = parse_err(&edited(
        "\"value\": 0.5, \"points\": 2",
        "\"value\": 0.5, \"points\": -2",
    ));
    assert_eq!(
        e.to_string(),
        "task 1, check 'mse-below': \"points\" is negative (-2)"
    );
    let e = parse_err(&edited("\"points\": 3", "\"points\": -3"));
    assert_eq!(
        e,
        AssignmentError::NegativePoints {
            at: "task 1".into(),
            points: -3.0
        }
    );
    let e = parse_err(&edited("\"op\": \"<\"", "\"op\": \"<\", \"colour\": 1"));
    assert!(
        e.to_string()
            .starts_with("task 1, check 'mse-below': unknown field `colour`"),
        "{e}"
    );
    let e = parse_err(&edited("\"type\": \"answer\"", "\"type\": \"essay\""));
    assert!(
        e.to_string()
            .starts_with("task 2, hand-in 1: unknown variant `essay`"),
        "{e}"
    );
    let e = parse_err(&edited("\"min_words\": 2", "\"min_words\": 200"));
    assert!(e.to_string().contains("exceeds \"max_words\""), "{e}");
    let e = parse_err(&edited("\"id\": \"ae-small\"", "\"id\": \"ae small\""));
    assert!(e.to_string().starts_with("the assignment's \"id\""), "{e}");
    let e = parse_err(&edited(
        "\"points\": 2}]},",
        "\"points\": 2}, {\"id\": \"mse-below\", \"metric\": \"steps\", \"op\": \">\", \"value\": 1, \"points\": 0}]},",
    ));
    assert_eq!(
        e.to_string(),
        "task 1, check 'mse-below': another check of this task has the same id"
    );
}

#[test]
fn a_rubric_round_trips_and_must_fit_its_assignment() {
    let a = Assignment::parse(example().as_bytes()).unwrap();
    let hidden = Check {
        id: "mse-tight".into(),
        metric: "test_mse".into(),
        op: Op::Le,
        value: 0.1,
        max: None,
        points: 1.0,
        visibility: Visibility::Public,
    };
    let rubric = Rubric::new(
        &a,
        vec![RubricCheck {
            task: 1,
            check: hidden,
        }],
    );
    assert_eq!(rubric.checks[0].check.visibility, Visibility::Hidden);
    let text = serde_json::to_string_pretty(&rubric).unwrap();
    assert!(text.contains("\"task\": 1"), "{text}");
    let back = Rubric::parse(text.as_bytes()).unwrap();
    assert_eq!(back, rubric);
    back.check_against(&a).unwrap();
    let other = Assignment::parse(edited("\"value\": 0.5", "\"value\": 0.4").as_bytes()).unwrap();
    assert!(
        back.check_against(&other)
            .unwrap_err()
            .to_string()
            .starts_with("the rubric is for assignment 'ae-small'")
    );
    let e = Rubric::parse(text.replace("\"op\": \"<=\"", "\"op\": \"~\"").as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "rubric, task 1, check 'mse-tight': unknown op \"~\" (one of: <, <=, >, >=, between)"
    );
    let e = Rubric::parse(text.replace("\"version\": 1", "\"version\": 7").as_bytes()).unwrap_err();
    assert_eq!(e, AssignmentError::NewerVersion(7));
    let e = Rubric::parse(example().as_bytes()).unwrap_err();
    assert!(
        e.to_string().contains("not a Latent Lab rubric file"),
        "{e}"
    );
    let far = serde_json::to_string(&Rubric::new(
        &a,
        vec![RubricCheck {
            task: 9,
            check: back.checks[0].check.clone(),
        }],
    ))
    .unwrap();
    let e = Rubric::parse(far.as_bytes())
        .unwrap()
        .check_against(&a)
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("names task 9, but the assignment has 2 tasks"),
        "{e}"
    );
}

#[test]
fn seeds_are_deterministic_and_differ_per_student_task_and_assignment() {
    let h = "a".repeat(64);
    let s = student_seed(&h, "Ana Pop", 1);
    assert_eq!(s, student_seed(&h, "Ana Pop", 1));
    assert_eq!(s, student_seed(&h, "  ana  pop ", 1), "normalised id");
    assert_eq!(s, student_seed(&h, "ANAPOP", 1));
    assert_ne!(s, student_seed(&h, "Ana Popa", 1));
    assert_ne!(s, student_seed(&h, "Ana Pop", 2));
    assert_ne!(s, student_seed(&"b".repeat(64), "Ana Pop", 1));
    let all: Vec<u64> = (0..200)
        .map(|i| student_seed(&h, &format!("s{i}"), 1))
        .collect();
    assert!(all.iter().all(|&s| s <= u32::MAX as u64));
    assert!(
        all.iter().any(|&s| s > u16::MAX as u64 * 1000),
        "uses the whole 32-bit range"
    );
}

fn entry(task: usize, kind: &str, weights: Option<&str>) -> NewEntry {
    NewEntry {
        time_ms: 1_700_000_000_000.0 + task as f64,
        task,
        kind: kind.into(),
        config: serde_json::json!({"latent": 2}),
        seed: 7,
        engine: "cpu".into(),
        metrics: BTreeMap::from([
            ("test_mse".to_string(), 0.05),
            ("bad".to_string(), f64::NAN),
        ]),
        weights_sha256: weights.map(str::to_string),
    }
}

#[test]
fn the_work_log_is_a_hash_chain_that_names_the_broken_entry() {
    let mut log = WorkLog::new();
    assert_eq!(log.head(), GENESIS);
    let first = log.append(entry(1, kinds::RUN, Some("w1"))).clone();
    assert_eq!((first.index, first.prev.as_str()), (0, GENESIS));
    assert!(!first.metrics.contains_key("bad"), "JSON has no NaN");
    log.append(entry(1, kinds::HAND_IN, None));
    log.append(entry(2, kinds::ANSWER, None));
    assert_eq!(log.entries[1].prev, first.hash);
    assert_eq!(log.head(), log.entries[2].hash);
    log.verify().unwrap();
    assert!(log.has_weights(1, "w1") && !log.has_weights(2, "w1"));
    assert_eq!(log.engine_of("w1"), Some("cpu"));
    assert_eq!(log.engine_of("w2"), None);
    // Through JSON (IndexedDB) and back.
    let back: WorkLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
    back.verify().unwrap();

    let mut edited = log.clone();
    edited.entries[1].metrics.insert("test_mse".into(), 0.01);
    let e = edited.verify().unwrap_err();
    assert_eq!(e, ChainError::HashMismatch { entry: 1 });
    assert_eq!(
        e.to_string(),
        "log entry 1: its content was changed after it was written (hash mismatch)"
    );

    let mut rehashed = edited.clone();
    rehashed.entries[1].hash = rehashed.entries[1].compute_hash();
    assert_eq!(
        rehashed.verify().unwrap_err(),
        ChainError::PrevMismatch { entry: 2 }
    );
    assert!(
        rehashed
            .verify()
            .unwrap_err()
            .to_string()
            .contains("prev hash mismatch")
    );

    let mut removed = log.clone();
    removed.entries.remove(1);
    assert_eq!(
        removed.verify().unwrap_err(),
        ChainError::WrongIndex { entry: 1, found: 2 }
    );
    assert!(
        removed
            .verify()
            .unwrap_err()
            .to_string()
            .starts_with("log entry 1: its index says 2")
    );
}

fn check(op: Op, value: f64, max: Option<f64>) -> Check {
    Check {
        id: "c".into(),
        metric: "m".into(),
        op,
        value,
        max,
        points: 2.0,
        visibility: Visibility::Public,
    }
}

#[test]
fn checks_compare_exactly_as_written() {
    let m = BTreeMap::from([("m".to_string(), 0.5)]);
    let cases = [
        (Op::Lt, 0.5, None, false),
        (Op::Lt, 0.6, None, true),
        (Op::Le, 0.5, None, true),
        (Op::Le, 0.4, None, false),
        (Op::Gt, 0.5, None, false),
        (Op::Gt, 0.4, None, true),
        (Op::Ge, 0.5, None, true),
        (Op::Ge, 0.6, None, false),
        (Op::Between, 0.5, Some(0.5), true),
        (Op::Between, 0.1, Some(0.49), false),
        (Op::Between, 0.51, Some(0.9), false),
        (Op::Between, 0.0, Some(1.0), true),
    ];
    for (op, value, max, passed) in cases {
        let r = evaluate(&check(op, value, max), &m);
        assert_eq!(r.passed, passed, "{op:?} {value} {max:?}");
        assert_eq!(r.points_awarded, if passed { 2.0 } else { 0.0 });
        assert_eq!((r.max_points, r.value), (2.0, Some(0.5)));
    }
    let r = evaluate(&check(Op::Lt, 1.0, None), &m);
    assert_eq!(
        r.message.in_lang(Lang::En),
        "passed: m = 0.5 (required: m < 1)"
    );
    let r = evaluate(&check(Op::Between, 0.6, Some(0.9)), &m);
    assert_eq!(
        r.message.in_lang(Lang::En),
        "failed: m = 0.5 (required: 0.6 <= m <= 0.9)"
    );
    let missing = evaluate(&check(Op::Lt, 1.0, None), &BTreeMap::new());
    assert!(!missing.passed && missing.value.is_none());
    assert_eq!(
        missing.message.in_lang(Lang::En),
        "metric 'm' is missing: nothing to check"
    );
    let nan = evaluate(
        &check(Op::Lt, 1.0, None),
        &BTreeMap::from([("m".to_string(), f64::NAN)]),
    );
    assert!(!nan.passed);
    assert_eq!(word_count("Funcția identitate — e inutilă, 2 ori."), 6);
}

#[test]
fn check_messages_are_read_in_each_language_and_recorded_in_english() {
    let m = BTreeMap::from([("m".to_string(), 0.5)]);
    let r = evaluate(&check(Op::Lt, 1.0, None), &m);
    assert_eq!(
        r.message.in_lang(Lang::Ro),
        "trecută: m = 0,5 (se cere: m < 1)"
    );
    // The record keeps the English words, and reads back equal.
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        json.contains("\"message\":\"passed: m = 0.5 (required: m < 1)\""),
        "{json}"
    );
    let back: latent_lab::homework::checks::CheckResult = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.message.in_lang(Lang::Ro), r.message.in_lang(Lang::En));

    // A model's constraints, with Romanian plurals.
    let constraints = latent_lab::homework::assignment::ModelConstraints {
        latent: Some(2),
        min_steps: Some(100),
        ..Default::default()
    };
    let config = LabConfig {
        latent: 20,
        ..LabConfig::default()
    };
    let said: Vec<String> = constraints
        .violations(&config, 3)
        .iter()
        .map(|t| t.in_lang(Lang::Ro))
        .collect();
    assert_eq!(
        said,
        [
            "codul are 20 de dimensiuni, sarcina cere 2",
            "modelul s-a antrenat 3 pași, sarcina cere cel puțin 100"
        ]
    );
}

/// A tiny trained model, encoded as the app encodes it.
fn tiny_model(seed: u64, steps: usize) -> (LabConfig, Vec<u8>, String) {
    let data = Dataset::load_bundled().unwrap();
    let config = LabConfig {
        kind: LabKind::Ae,
        hidden: vec![8],
        latent: 2,
        batch_size: 32,
        epochs: 1,
        seed,
        ..LabConfig::default()
    };
    let device = Device::flex();
    let model = replay::train(&config, &data.train, steps, &device);
    let history = vec![HistoryPoint {
        step: steps,
        epoch: 0,
        train_total: 100.0,
        train_reconstruction: 100.0,
        train_kl: None,
        train_penalty: None,
        test_total: None,
    }];
    let bytes = trained_file::encode(
        &model,
        &TrainedMeta {
            config: config.clone(),
            history,
        },
    )
    .unwrap();
    let hash = replay::weights_sha256(&model);
    (config, bytes, hash)
}

/// A sealed report for `student` on the example assignment, its model trained with the student's seed.
fn report_for(a: &Assignment, student: &str) -> (ReportRecord, BTreeMap<String, f64>) {
    let seed = student_seed(&a.hash(), student, 1);
    let (config, bytes, hash) = tiny_model(seed, 3);
    let data = Dataset::load_bundled().unwrap();
    let measured = metrics::model_metrics(&bytes, &data.test, &Device::flex()).unwrap();
    let mut log = WorkLog::new();
    log.append(NewEntry {
        task: 1,
        kind: kinds::RUN.into(),
        config: serde_json::to_value(&config).unwrap(),
        seed,
        engine: "cpu".into(),
        metrics: measured.clone(),
        weights_sha256: Some(hash.clone()),
        ..NewEntry::default()
    });
    let mut t1 = TaskReport {
        task: 1,
        config: Some(serde_json::to_value(&config).unwrap()),
        seed: Some(seed),
        engine: Some("cpu".into()),
        steps: Some(3),
        metrics: BTreeMap::from([("test_mse".to_string(), measured["test_mse"])]),
        weights_sha256: Some(hash),
        figures: vec![Figure {
            name: "curves".into(),
            png_base64: "iVBORw0KGgo=".into(),
        }],
        ..TaskReport::default()
    };
    t1.set_model(&bytes);
    t1.checks = a.tasks[0]
        .checks
        .iter()
        .map(|c| evaluate(c, &t1.metrics))
        .collect();
    let t2 = TaskReport {
        task: 2,
        answer: Some(
            "Autoencoderul <script>alert(1)</script> învață funcția identitate & copiază.".into(),
        ),
        ..TaskReport::default()
    };
    let record = ReportRecord::new(
        a,
        Student {
            name: "Ana \"Pop\", <i>".into(),
            id: student.into(),
        },
        "0.1.0",
        1_767_225_600_000.0,
        vec![t1, t2],
        &log,
    );
    (record, measured)
}

fn recompute(task: usize, bytes: &[u8]) -> Result<BTreeMap<String, f64>, TrainedFileError> {
    assert_eq!(task, 1);
    let data = Dataset::load_bundled().unwrap();
    metrics::model_metrics(bytes, &data.test, &Device::flex())
}

#[test]
fn a_report_survives_its_html_page_and_is_verified() {
    let _burn = burn_rng();
    let a = Assignment::parse(example().as_bytes()).unwrap();
    let (record, measured) = report_for(&a, "s001");
    assert_eq!(record.record_sha256, record.computed_sha256());
    assert_eq!(measured["latent"], 2.0);
    assert_eq!(measured["steps"], 3.0);
    assert!(measured.contains_key("test_bce") && !measured.contains_key("test_kl"));
    for lang in [Lang::Ro, Lang::En] {
        let html = render_html(&record, lang);
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("default-src 'none'; img-src data:; style-src 'unsafe-inline'"));
        // The policy sits before anything it governs, and leaves nothing open that `default-src`
        // does not cover: no base URL to redirect relative links, no form to send the page's data.
        let policy_at = html.find("Content-Security-Policy").unwrap();
        assert!(
            policy_at < html.find("<style>").unwrap() && policy_at < html.find("<img").unwrap()
        );
        assert!(html.contains("base-uri 'none'; form-action 'none'"));
        assert!(html.contains("@media print"));
        assert!(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\""));
        assert!(
            html.contains("Ana &quot;Pop&quot;, &lt;i&gt;"),
            "names are escaped"
        );
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "answers are escaped"
        );
        assert_eq!(
            html.matches("</script>").count(),
            1,
            "only the record's own end tag"
        );
        assert_eq!(html.matches("<script").count(), 1);
        assert!(
            !html.contains("src=\"http") && !html.contains("href=\"http"),
            "no external resource"
        );
        let back = extract_record(&html).unwrap();
        assert_eq!(back, record);
        assert_eq!(back.computed_sha256(), record.record_sha256);
    }
    assert!(render_html(&record, Lang::Ro).contains("Sarcina 1"));
    assert_eq!(record.file_name(), "ae-small_s001.html");

    let verdict = verify_record(&record, &a, None, &recompute);
    assert_eq!(verdict.status, Status::Verified, "{:?}", verdict.messages);
    assert_eq!(
        (verdict.score, verdict.max_score),
        (3.0, 3.0),
        "{verdict:?}"
    );
    assert_eq!(verdict.tasks[1].metrics["answer_words"], 6.0);
    let text = feedback_text(&verdict, Lang::Ro);
    assert!(
        text.contains("Raport verificat") && text.contains("Sarcina 1: 2 / 2"),
        "{text}"
    );
    assert!(feedback_text(&verdict, Lang::En).contains("Report verified"));

    // A hidden check from the rubric counts, and its feedback hides what it compared.
    let rubric = Rubric::new(
        &a,
        vec![RubricCheck {
            task: 1,
            check: check_on("test_mse", Op::Lt, 1e-9),
        }],
    );
    let v = verify_record(&record, &a, Some(&rubric), &recompute);
    assert_eq!((v.score, v.max_score), (3.0, 4.0));
    let fb = feedback_text(&v, Lang::En);
    assert!(
        fb.contains("✗ hidden check (0 / 1)") && !fb.contains("1e-9"),
        "{fb}"
    );
}

fn check_on(metric: &str, op: Op, value: f64) -> Check {
    Check {
        id: "hidden-mse".into(),
        metric: metric.into(),
        op,
        value,
        max: None,
        points: 1.0,
        visibility: Visibility::Hidden,
    }
}

#[test]
fn verification_catches_edits_recomputed_metrics_and_other_assignments() {
    let _burn = burn_rng();
    let a = Assignment::parse(example().as_bytes()).unwrap();
    let (record, measured) = report_for(&a, "s002");

    // A metric edited without fixing the record's hash: tampered.
    let mut edited = record.clone();
    edited.tasks[0]
        .metrics
        .insert("test_mse".into(), measured["test_mse"] / 2.0);
    let v = verify_record(&edited, &a, None, &recompute);
    assert_eq!(
        v.status,
        Status::Tampered {
            field: "record_sha256".into()
        }
    );
    // …and with the hash recomputed: the recomputation disagrees, naming the metric.
    edited.seal();
    let v = verify_record(&edited, &a, None, &recompute);
    match &v.status {
        Status::Mismatch {
            field,
            claimed,
            recomputed,
        } => {
            assert_eq!(field, "task 1 test_mse");
            assert_eq!(*claimed, measured["test_mse"] / 2.0);
            assert_eq!(*recomputed, measured["test_mse"]);
        }
        other => panic!("{other:?}"),
    }
    // The checks use the recomputed value, not the claim.
    assert_eq!(v.tasks[0].checks[0].value, Some(measured["test_mse"]));

    // Another student's weights claimed: not those embedded.
    let mut swapped = record.clone();
    swapped.tasks[0].weights_sha256 = Some("f".repeat(64));
    swapped.seal();
    let v = verify_record(&swapped, &a, None, &recompute);
    assert_eq!(
        v.status,
        Status::Tampered {
            field: "task 1 weights_sha256".into()
        }
    );

    // The log edited, its chain broken.
    let mut log_edit = record.clone();
    log_edit.log[0].seed = 8;
    log_edit.seal();
    let v = verify_record(&log_edit, &a, None, &recompute);
    assert!(
        matches!(&v.status, Status::Tampered { field } if field.contains("log entry 0")),
        "{:?}",
        v.status
    );

    // A model trained by someone else (another seed): its weights are not in this log, the seed is not the student's.
    let (_, other_bytes, other_hash) = tiny_model(12345, 3);
    let mut foreign = record.clone();
    foreign.tasks[0].set_model(&other_bytes);
    foreign.tasks[0].weights_sha256 = Some(other_hash);
    foreign.tasks[0].config = None;
    foreign.seal();
    let v = verify_record(&foreign, &a, None, &recompute);
    assert_eq!(
        v.status,
        Status::Tampered {
            field: "task 1 weights not in the log".into()
        }
    );
    assert!(
        v.messages
            .iter()
            .any(|m| m.in_lang(Lang::En).contains("task 1 seed")),
        "{:?}",
        v.messages
    );

    // A report for another assignment.
    let other = Assignment::parse(edited_example_id().as_bytes()).unwrap();
    let v = verify_record(&record, &other, None, &recompute);
    assert!(
        matches!(&v.status, Status::Error { message } if message.in_lang(Lang::En).starts_with("the report is for assignment 'ae-small'")),
        "{:?}",
        v.status
    );

    // An undecodable model.
    let mut broken = record.clone();
    broken.tasks[0].model_base64 = Some("bm90IGEgbW9kZWw=".into());
    broken.seal();
    let v = verify_record(&broken, &a, None, &recompute);
    assert!(
        matches!(&v.status, Status::Error { message } if message.in_lang(Lang::En).contains("the embedded model cannot be read")),
        "{:?}",
        v.status
    );
}

fn edited_example_id() -> String {
    example().replace("\"id\": \"ae-small\"", "\"id\": \"ae-other\"")
}

#[test]
fn the_report_page_refuses_what_it_cannot_read() {
    assert_eq!(
        extract_record("<html></html>"),
        Err(ReportError::MissingRecord)
    );
    let huge = " ".repeat(MAX_REPORT_BYTES + 1);
    assert!(matches!(
        extract_record(&huge),
        Err(ReportError::TooLarge { .. })
    ));
    let page = |json: &str| {
        format!(
            "<html><script type=\"application/json\" id=\"latent-lab-report\">{json}</script></html>"
        )
    };
    assert!(matches!(
        extract_record(&page("{oops")),
        Err(ReportError::BadJson(_))
    ));
    assert_eq!(
        extract_record(&page("{\"format\":\"x\",\"version\":1}")),
        Err(ReportError::WrongFormat("x".into()))
    );
    let newer =
        extract_record(&page("{\"format\":\"latent-lab-report\",\"version\":2}")).unwrap_err();
    assert_eq!(newer, ReportError::NewerVersion(2));
    assert_eq!(
        newer.to_string(),
        "made for a newer Latent Lab (report version 2); this one reads version 1"
    );
    assert!(
        ReportError::MissingRecord
            .to_string()
            .contains("not a Latent Lab report")
    );
}

#[test]
fn identical_weights_and_the_gradebook() {
    let _burn = burn_rng();
    let a = Assignment::parse(example().as_bytes()).unwrap();
    let (r1, _) = report_for(&a, "s1");
    let mut r2 = r1.clone();
    r2.student = Student {
        name: "Ion".into(),
        id: "s2".into(),
    };
    r2.seal();
    let (r3, _) = report_for(&a, "s3");
    assert_eq!(
        identical_weights(&[r1.clone(), r2.clone(), r3.clone()]),
        vec![("s1".to_string(), "s2".to_string(), 1)]
    );
    let verdicts: Vec<_> = [&r1, &r2, &r3]
        .iter()
        .map(|r| verify_record(r, &a, None, &recompute))
        .collect();
    assert_eq!(verdicts[0].status, Status::Verified);
    assert!(
        matches!(verdicts[1].status, Status::Mismatch { .. }),
        "a copied model has the other student's seed"
    );
    let csv = gradebook_csv(&verdicts);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "student_id,name,status,score,max_score,task 1,task 2"
    );
    assert!(
        lines[1].starts_with("s1,\"Ana \"\"Pop\"\", <i>\",verified,3,3,2,1"),
        "{}",
        lines[1]
    );
    assert_eq!(lines.len(), 5, "three rows, a header and the final CRLF");
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
}

#[test]
fn cpu_training_replays_bit_for_bit() {
    let _burn = burn_rng();
    let data = Dataset::load_bundled().unwrap();
    let config = LabConfig {
        hidden: vec![32],
        latent: 4,
        batch_size: 32,
        seed: 11,
        ..LabConfig::default()
    };
    let device = Device::flex();
    let a = replay::weights_sha256(&replay::train(&config, &data.train, 20, &device));
    let b = replay::weights_sha256(&replay::train(&config, &data.train, 20, &device));
    assert_eq!(a, b);
    let other = LabConfig {
        seed: 12,
        ..config.clone()
    };
    assert_ne!(
        a,
        replay::weights_sha256(&replay::train(&other, &data.train, 20, &device))
    );
    // The VAE's ε and the denoising noise come from the trainer's seeded generator too.
    for kind in [
        LabKind::Vae { beta: 1.0 },
        LabKind::Denoising { sigma: 0.5 },
    ] {
        let c = LabConfig {
            kind,
            ..config.clone()
        };
        let x = replay::weights_sha256(&replay::train(&c, &data.train, 10, &device));
        let y = replay::weights_sha256(&replay::train(&c, &data.train, 10, &device));
        assert_eq!(x, y, "{:?}", c.kind);
    }
    // The hash of a model file's weights is the hash of the model's weights.
    let model = replay::train(&config, &data.train, 2, &device);
    let file = trained_file::encode(
        &model,
        &TrainedMeta {
            config: config.clone(),
            history: vec![],
        },
    )
    .unwrap();
    assert_eq!(
        replay::model_file_weights_sha256(&file).unwrap(),
        replay::weights_sha256(&model)
    );
    assert_eq!(metrics::LAB_TRAIN_IMAGES, data.train.len());
}

fn bundled() -> Vec<(String, Vec<u8>)> {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(Path::new(ASSIGNMENTS).join("index.json")).unwrap())
            .unwrap();
    index
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let file = e["file"].as_str().unwrap();
            (
                e["id"].as_str().unwrap().to_string(),
                std::fs::read(Path::new(ASSIGNMENTS).join(file)).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_bundled_assignments_parse_fit_the_schema_and_open_valid_views() {
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(Path::new(ASSIGNMENTS).join("schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(Path::new(ASSIGNMENTS).join("index.json")).unwrap())
            .unwrap();
    let mut ids = Vec::new();
    for ((id, bytes), entry) in bundled().into_iter().zip(index.as_array().unwrap()) {
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{id}: {errors:?}");
        let a = Assignment::parse(&bytes).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(a.id, id);
        let title: Bilingual = serde_json::from_value(entry["title"].clone()).unwrap();
        assert_eq!(
            title, a.title,
            "{id}: the index shows the assignment's title"
        );
        for (i, task) in a.tasks.iter().enumerate() {
            let location = Location::parse(&task.view);
            views::check_view(&task.view).unwrap_or_else(|e| panic!("{id} task {}: {e}", i + 1));
            for key in &task.locked {
                assert!(
                    location.get(key).is_some(),
                    "{id} task {}: locked {key}",
                    i + 1
                );
            }
            if let Some(config) = task.train_config() {
                config.validate().unwrap();
                assert!(config.epochs <= 2, "{id} task {}: keep runs short", i + 1);
            }
            let public: f64 = task.checks.iter().map(|c| c.points).sum();
            assert!(
                public <= task.points,
                "{id} task {}: checks worth more than the task",
                i + 1
            );
            for text in [&task.title, &task.instructions] {
                for bad in ['ş', 'ţ', 'Ş', 'Ţ'] {
                    assert!(
                        !text.ro.contains(bad),
                        "{id} task {}: cedilla {bad} instead of comma-below",
                        i + 1
                    );
                }
            }
        }
        ids.push(id);
    }
    assert_eq!(ids, ["ae-sizes", "denoising", "vae", "applications"]);
    // The schema refuses what the parser refuses, where a schema can say it.
    let mut bad: serde_json::Value = serde_json::from_slice(&bundled()[0].1).unwrap();
    bad["tasks"][0]["checks"][0]["op"] = "!=".into();
    assert!(!validator.is_valid(&bad));
    bad["tasks"][0]["checks"][0]["op"] = "between".into();
    assert!(!validator.is_valid(&bad), "between without max");
}

/// Prints the test metrics of every training task of the bundled assignments, trained as a
/// student would (seed 1): the numbers the thresholds were set from. `cargo test --release
/// --test homework -- --ignored --nocapture measure`.
#[test]
#[ignore]
fn measure_bundled_training_tasks() {
    let _burn = burn_rng();
    let data = Dataset::load_bundled().unwrap();
    let device = Device::flex();
    for (id, bytes) in bundled() {
        let a = Assignment::parse(&bytes).unwrap();
        for (i, task) in a.tasks.iter().enumerate() {
            let Some(config) = task.train_config() else {
                continue;
            };
            if task.model_constraints().is_none() {
                continue;
            }
            for seed in [1, 2] {
                let config = LabConfig {
                    seed,
                    ..config.clone()
                };
                let steps = config.epochs * data.train.len().div_ceil(config.batch_size);
                let start = std::time::Instant::now();
                let model = replay::train(&config, &data.train, steps, &device);
                let secs = start.elapsed().as_secs_f64();
                let m = metrics::evaluate_lab(&model, &config, &data.test, &device);
                println!(
                    "{id} task {} seed {seed}: {steps} steps in {secs:.1} s: {m:?}",
                    i + 1
                );
            }
        }
    }
}
