//! Timer units in the engine: what happens when is the table `crate::timer::step`; this file
//! turns jobs, elapses, clock changes and the triggered unit's changes into its events and
//! carries out its actions (computing and arming the next elapse, triggering the unit).

use linger_unit::model::TimerConfig;

use super::*;
use crate::timer::{
    ElapseInputs, MonotonicBase, TimerAction, TimerEvent, coalesce, earliest_deadline, next_elapse,
    step,
};

impl<H: Host, S: UnitSource> Engine<H, S> {
    pub(super) fn timer_config(&self, id: &str) -> Option<TimerConfig> {
        match &self.units.get(id)?.config.kind {
            UnitKind::Timer(t) => Some((**t).clone()),
            _ => None,
        }
    }

    /// Feed `event` to timer `id`'s table and carry out what it says. An event the table
    /// refuses is a bug: logged as an internal error, the timer left as it was.
    pub(super) fn timer_event(&mut self, id: &str, event: TimerEvent) {
        let Some(state) = self.units.get(id).and_then(|u| u.timer()).map(|t| t.state) else {
            return;
        };
        let Some((next, result, actions)) = self.accepted(id, step(state, event)) else {
            return;
        };
        let publish = |r: &mut UnitRuntime| {
            if let UnitRuntime::Timer(t) = r {
                t.state = next;
                if let Some(result) = result {
                    t.result = result;
                }
            }
        };
        self.carry_out(id, actions, publish, Self::timer_action);
    }

    fn timer_action(&mut self, id: &str, action: TimerAction) {
        match action {
            TimerAction::Schedule => self.schedule_timer(id),
            TimerAction::Disarm => {
                self.effects.push(Effect::DisarmTimer {
                    unit: id.to_string(),
                    kind: TimerKind::Elapse,
                });
                if let Some(UnitRuntime::Timer(t)) = self.units.get_mut(id).map(|u| &mut u.runtime)
                {
                    t.generation += 1;
                    t.next_monotonic = None;
                    t.next_realtime = None;
                }
            }
            TimerAction::Trigger => self.trigger(id),
            TimerAction::Release => self.effects.push(Effect::ReleaseResources {
                unit: id.to_string(),
            }),
        }
    }

    /// A start job on timer `id` (conditions passed, the unit to trigger is loaded).
    pub(super) fn start_timer(&mut self, id: &str) {
        let Some(cfg) = self.timer_config(id) else {
            return;
        };
        if cfg.wake_system {
            self.log(
                id,
                LogLevel::Warning,
                "WakeSystem= is not supported by a user manager (it cannot wake the machine), ignoring.".into(),
            );
        }
        let stamp = cfg
            .persistent
            .then(|| self.host.read_timer_stamp(id))
            .flatten();
        let now = self.now().realtime;
        if let Some(UnitRuntime::Timer(t)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            // A new activation: OnActiveSec= counts again from now; boot- and startup-relative
            // triggers that already fired stay done. The last trigger is forgotten unless a
            // Persistent= stamp (in the past) remembers it.
            t.disabled.retain(|(b, _)| *b != MonotonicBase::Active);
            t.last_trigger = Timestamp {
                realtime: stamp.filter(|&s| s < now).unwrap_or(0),
                monotonic: 0,
            };
        }
        self.timer_event(id, TimerEvent::Start);
    }

    /// The table's `Schedule`: compute the next elapse and arm it, or say nothing is left.
    fn schedule_timer(&mut self, id: &str) {
        let Some(cfg) = self.timer_config(id) else {
            return;
        };
        let now = self.now();
        let target = self.triggers(id).and_then(|t| self.unit(&t));
        let inputs = ElapseInputs {
            now,
            startup: self.host.startup().monotonic,
            timer_activated: self
                .units
                .get(id)
                .map(|u| u.inactive_exit)
                .unwrap_or_default(),
            unit_active: target.map_or(0, |t| t.inactive_exit.monotonic),
            unit_inactive: target.map_or(0, |t| t.inactive_enter.monotonic),
        };
        let tz = self.host.time_zone();
        let delay = if cfg.randomized_delay > 0 {
            self.host
                .random_delay(id, cfg.randomized_delay, cfg.fixed_random_delay)
        } else {
            0
        };
        let offset = self.host.coalescing_offset();
        let Some(UnitRuntime::Timer(t)) = self.units.get_mut(id).map(|u| &mut u.runtime) else {
            return;
        };
        let (mono, real) = next_elapse(&cfg, t, &inputs, &tz);
        let mono = mono.map(|m| m.saturating_add(delay));
        let real = real.map(|r| r.saturating_add(delay));
        t.next_monotonic = mono;
        t.next_realtime = real;
        let Some(earliest) = earliest_deadline(mono, real, now) else {
            let event = TimerEvent::NothingLeft {
                watch_clock: cfg.on_clock_change || cfg.on_timezone_change,
                remain: cfg.remain_after_elapse,
            };
            self.timer_event(id, event);
            return;
        };
        t.generation += 1;
        let generation = t.generation;
        self.effects.push(Effect::ArmTimer {
            unit: id.to_string(),
            kind: TimerKind::Elapse,
            deadline: coalesce(earliest, cfg.accuracy, offset),
            generation,
        });
        self.timer_event(id, TimerEvent::Scheduled);
    }

    /// The armed elapse of timer `id` fired (stale firings are dropped).
    pub(super) fn timer_elapsed(&mut self, id: &str, generation: u64) {
        let now = self.now();
        let Some(t) = self.units.get(id).and_then(|u| u.timer()) else {
            return;
        };
        if t.generation != generation {
            return;
        }
        let due = t.next_monotonic.is_some_and(|m| m <= now.monotonic)
            || t.next_realtime.is_some_and(|r| r <= now.realtime);
        // Not due: the wall clock moved back since we armed; wait for the real time.
        let event = if due {
            TimerEvent::Elapsed
        } else {
            TimerEvent::FiredEarly
        };
        self.timer_event(id, event);
    }

    /// The table's `Trigger`: remember the trigger and queue the start of the unit.
    fn trigger(&mut self, id: &str) {
        let now = self.now();
        let persistent = self.timer_config(id).is_some_and(|c| c.persistent);
        if let Some(UnitRuntime::Timer(t)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            t.last_trigger = now;
        }
        self.touch(id);
        if persistent {
            self.host.write_timer_stamp(id, now.realtime);
        }
        let Some(target) = self.triggers(id) else {
            return;
        };
        if let Err(e) = self.enqueue_internal(JobType::Start, &target, JobMode::Replace) {
            self.log(
                id,
                LogLevel::Warning,
                format!("Failed to queue unit startup job: {e}"),
            );
            self.timer_event(id, TimerEvent::ActivationFailed);
        }
    }

    /// `daemon-reexec`: timer `id` last triggered at `last_trigger`. If it was active (since
    /// `activated`), it waits again as before — the same activation, so triggers that fired
    /// do not fire twice and OnActiveSec= keeps counting from the original start.
    pub fn restore_timer(
        &mut self,
        id: &str,
        last_trigger: Timestamp,
        activated: Timestamp,
        active: bool,
    ) {
        let id = self.load(id);
        self.touch(&id);
        if let Some(UnitRuntime::Timer(t)) = self.units.get_mut(&id).map(|u| &mut u.runtime) {
            t.last_trigger = last_trigger;
        }
        let target = self.triggers(&id).map(|t| self.load(&t));
        let loaded = target
            .and_then(|t| self.units.get(&t))
            .is_some_and(|t| t.config.load_state == LoadState::Loaded);
        if !active || !loaded || self.timer_config(&id).is_none() {
            return;
        }
        self.timer_event(&id, TimerEvent::Restore);
        // The same activation as before: the next elapse counts from the old activation
        // times (entering waiting just stamped them with now).
        if let Some(u) = self.units.get_mut(&id) {
            u.inactive_exit = activated;
            u.active_enter = activated;
        }
        self.schedule_timer(&id);
    }

    /// After `daemon-reload`: waiting timers are computed again from their new configuration.
    pub(super) fn rearm_timers_after_reload(&mut self) {
        for id in self.timers() {
            // Fired one-shots are remembered by base and value: a changed value is a new
            // trigger, judged against the last trigger.
            self.timer_event(&id, TimerEvent::Reloaded);
        }
    }

    /// The wall clock jumped (`timezone`: the local time zone changed): calendar timers are
    /// computed again, and timers with `OnClockChange=`/`OnTimezoneChange=` elapse.
    pub fn on_clock_change(&mut self, timezone: bool) {
        for id in self.timers() {
            let fire = self.timer_config(&id).is_some_and(|c| {
                if timezone {
                    c.on_timezone_change
                } else {
                    c.on_clock_change
                }
            });
            self.timer_event(&id, TimerEvent::ClockJumped { fire });
        }
    }

    /// The loaded timer units.
    fn timers(&self) -> Vec<String> {
        self.activators
            .iter()
            .filter(|a| self.units.get(*a).and_then(|u| u.timer()).is_some())
            .cloned()
            .collect()
    }
}
