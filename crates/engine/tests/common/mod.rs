//! The fake world the engine tests run in: a host with a controllable clock that records
//! spawns and kills, an in-memory unit source, and helpers that read like a systemctl session.
#![allow(dead_code, unused_imports)]

pub use std::collections::{BTreeSet, HashMap};
use std::path::Path;

pub use linger_engine::{
    ActiveState, Effect, Engine, ExitStatus, Host, JobMode, JobResult, JobType, KillWhom,
    SpawnRequest, Spawned, TimerKind, Timestamp, UnitSource,
};
pub use linger_unit::exec_line::ExecCommand;
pub use linger_unit::model::{
    Condition, InstallSection, KillMode, LoadState, RestartPolicy, ServiceConfig, ServiceType,
    SocketConfig, UnitConfig, UnitKind, UnitSection, UnitType,
};

#[derive(Debug, Default)]
pub struct FakeHost {
    pub now: u64,
    pub next_pid: u32,
    /// (unit, directive, argv[0], pid)
    pub spawned: Vec<(String, String, String, u32)>,
    /// (unit, whom, signal)
    pub kills: Vec<(String, KillWhom, i32)>,
    /// pids alive per unit (the "cgroup")
    pub alive: HashMap<String, BTreeSet<u32>>,
    pub pid_files: HashMap<String, u32>,
    pub existing_paths: BTreeSet<String>,
    pub fail_exec: BTreeSet<String>,
    /// Persistent= stamps (unit → realtime).
    pub stamps: HashMap<String, u64>,
    /// What random_delay returns, as a fraction of the maximum (0..1000).
    pub random_permille: u64,
    /// Socket units whose sockets are open, and whether they are watched.
    pub sockets: HashMap<String, bool>,
    /// Units whose sockets fail to open.
    pub fail_listen: BTreeSet<String>,
    /// Connections released.
    pub released: Vec<String>,
    /// Sockets handed to each spawn (unit → list).
    pub passed: Vec<(String, Vec<String>)>,
    /// OOM kills counted per unit's cgroup.
    pub oom: HashMap<String, u64>,
}

impl Host for FakeHost {
    fn now(&self) -> Timestamp {
        Timestamp {
            realtime: 1_700_000_000_000_000 + self.now,
            monotonic: self.now,
        }
    }
    fn check_condition(&self, c: &Condition) -> bool {
        self.existing_paths.contains(&c.parameter)
    }
    fn read_pid_file(&self, path: &Path) -> Option<u32> {
        self.pid_files.get(&path.display().to_string()).copied()
    }
    fn new_invocation_id(&mut self) -> String {
        format!("{:032x}", self.next_pid)
    }
    fn spawn(&mut self, r: &SpawnRequest<'_>) -> Result<Spawned, String> {
        self.next_pid += 1;
        let pid = 1000 + self.next_pid;
        self.spawned.push((
            r.unit.into(),
            r.kind.directive().into(),
            r.command.path.clone(),
            pid,
        ));
        self.passed.push((r.unit.into(), r.sockets.clone()));
        self.alive.entry(r.unit.into()).or_default().insert(pid);
        Ok(Spawned {
            pid,
            exec_ok: !self.fail_exec.contains(&r.command.path),
        })
    }
    fn kill(
        &mut self,
        unit: &str,
        whom: KillWhom,
        signal: i32,
        _m: Option<u32>,
        _c: Option<u32>,
    ) -> usize {
        self.kills.push((unit.into(), whom, signal));
        1
    }
    fn unit_is_empty(&self, unit: &str) -> bool {
        self.alive.get(unit).is_none_or(BTreeSet::is_empty)
    }
    fn random_delay(&mut self, _unit: &str, max: u64, _fixed: bool) -> u64 {
        max * self.random_permille / 1000
    }
    fn read_timer_stamp(&self, unit: &str) -> Option<u64> {
        self.stamps.get(unit).copied()
    }
    fn write_timer_stamp(&mut self, unit: &str, realtime: u64) {
        self.stamps.insert(unit.into(), realtime);
    }
    fn time_zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::UTC
    }
    fn open_sockets(
        &mut self,
        unit: &str,
        _c: &linger_unit::model::SocketConfig,
    ) -> Result<(), String> {
        if self.fail_listen.contains(unit) {
            return Err("Address already in use".into());
        }
        self.sockets.insert(unit.into(), false);
        Ok(())
    }
    fn close_sockets(&mut self, unit: &str, _remove: bool) {
        self.sockets.remove(unit);
    }
    fn watch_sockets(&mut self, unit: &str, watch: bool) {
        if let Some(w) = self.sockets.get_mut(unit) {
            *w = watch;
        }
    }
    fn release_connection(&mut self, instance: &str) {
        self.released.push(instance.into());
    }
    fn oom_kills(&self, unit: &str) -> u64 {
        self.oom.get(unit).copied().unwrap_or(0)
    }
    fn unit_pids(&self, unit: &str) -> Vec<u32> {
        self.alive
            .get(unit)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    }
}

#[derive(Debug, Default)]
pub struct Units(HashMap<String, UnitConfig>);

impl Units {
    /// Change a unit's file (seen at the next load or daemon-reload).
    #[allow(dead_code)] // not every test binary edits unit files
    pub fn put(&mut self, cfg: UnitConfig) {
        self.0.insert(cfg.id.clone(), cfg);
    }
}

impl UnitSource for Units {
    fn load(&mut self, name: &str) -> UnitConfig {
        self.0.get(name).cloned().unwrap_or_else(|| {
            let mut c = target(name);
            c.load_state = LoadState::NotFound;
            c
        })
    }
}

pub fn cmd(path: &str) -> ExecCommand {
    ExecCommand {
        path: path.into(),
        argv: vec![path.into()],
        ..ExecCommand::default()
    }
}

pub fn target(name: &str) -> UnitConfig {
    UnitConfig {
        id: name.into(),
        aliases: vec![],
        unit_type: UnitType::Target,
        load_state: LoadState::Loaded,
        fragment_path: None,
        dropin_paths: vec![],
        file_mtimes: vec![],
        diagnostics: vec![],
        unit: UnitSection::default(),
        install: InstallSection::default(),
        kind: UnitKind::Target,
    }
}

pub fn service(name: &str, f: impl FnOnce(&mut ServiceConfig, &mut UnitSection)) -> UnitConfig {
    let mut s = ServiceConfig {
        exec_start: vec![cmd(&format!("/bin/{name}"))],
        ..ServiceConfig::default()
    };
    let mut u = UnitSection::default();
    f(&mut s, &mut u);
    UnitConfig {
        unit_type: UnitType::Service,
        unit: u,
        kind: UnitKind::Service(Box::new(s)),
        ..target(name)
    }
}

/// A socket unit with the settings `f` makes.
pub fn socket(name: &str, f: impl FnOnce(&mut SocketConfig)) -> UnitConfig {
    let mut s = SocketConfig::default();
    f(&mut s);
    UnitConfig {
        unit_type: UnitType::Socket,
        kind: UnitKind::Socket(Box::new(s)),
        ..target(name)
    }
}

pub struct World {
    pub e: Engine<FakeHost, Units>,
    pub log: Vec<String>,
    pub finished: Vec<(String, JobResult)>,
    pub timers: HashMap<(String, TimerKind), (u64, u64)>,
}

impl World {
    pub fn new(units: Vec<UnitConfig>) -> World {
        let mut m = Units::default();
        for u in units {
            m.0.insert(u.id.clone(), u);
        }
        for t in ["basic.target", "shutdown.target", "default.target"] {
            m.0.entry(t.into()).or_insert_with(|| target(t));
        }
        World {
            e: Engine::new(FakeHost::default(), m),
            log: vec![],
            finished: vec![],
            timers: HashMap::new(),
        }
    }
    pub fn drain(&mut self) {
        for ef in self.e.take_effects() {
            match ef {
                Effect::Log { unit, message, .. } => self.log.push(format!("{unit}: {message}")),
                Effect::JobFinished { unit, result, .. } => self.finished.push((unit, result)),
                Effect::ArmTimer {
                    unit,
                    kind,
                    deadline,
                    generation,
                } => {
                    self.timers.insert((unit, kind), (deadline, generation));
                }
                Effect::DisarmTimer { unit, kind } => {
                    self.timers.remove(&(unit, kind));
                }
                _ => {}
            }
        }
    }
    pub fn start(&mut self, u: &str) -> Result<u32, linger_engine::EngineError> {
        let r = self.e.enqueue(JobType::Start, u, JobMode::Replace, true);
        self.drain();
        r
    }
    pub fn stop(&mut self, u: &str) {
        self.e
            .enqueue(JobType::Stop, u, JobMode::Replace, true)
            .unwrap();
        self.drain();
    }
    pub fn state(&self, u: &str) -> (ActiveState, &'static str) {
        let info = self.e.unit(u).unwrap();
        (info.active_state(), info.sub_state().as_str())
    }
    pub fn main_pid(&self, u: &str) -> u32 {
        self.e
            .unit(u)
            .unwrap()
            .service()
            .unwrap()
            .state()
            .procs()
            .main
            .unwrap()
    }
    /// The process exits and leaves the unit's "cgroup".
    pub fn exit(&mut self, u: &str, pid: u32, status: ExitStatus) {
        self.e.host_mut().alive.get_mut(u).map(|s| s.remove(&pid));
        self.e.on_exit(pid, status);
        self.drain();
        if self.e.host().unit_is_empty(u) {
            self.e.on_unit_empty(u);
            self.drain();
        }
    }
    /// Advance the clock and fire due timers.
    pub fn advance(&mut self, us: u64) {
        self.e.host_mut().now += us;
        let now = self.e.host().now;
        let due: Vec<((String, TimerKind), (u64, u64))> = self
            .timers
            .iter()
            .filter(|(_, (d, _))| *d <= now)
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        for ((unit, kind), (_, generation)) in due {
            self.timers.remove(&(unit.clone(), kind));
            self.e.on_timer(&unit, kind, generation);
            self.drain();
        }
    }
    pub fn spawned(&self, u: &str) -> usize {
        self.e.host().spawned.iter().filter(|s| s.0 == u).count()
    }
}
