import Foundation
import Hummingbird
import Logging
import Onboarding
import OnboardingEngine
import OnboardingStore
import TelnyxAPI
import TelnyxSimulator
import TerminalUI
import WizardRuntime

/// What the open wizard costs while nothing happens: an onboarding waiting at step 6 on
/// Telnyx's review (the poller waiting between checks), the wizard drawn on a terminal that
/// sleeps for real, measured as CPU time of the whole process (simulator included) over a
/// window; beside it, the same wizard woken every 80 ms as the loop was before it slept on
/// its input.
enum IdleWizard {
    static func report(seconds: Int) async throws -> String {
        guard let simulator = try await BenchSimulator.start(SimulatorOptions()) else { return "idle: the simulator did not start" }
        defer { simulator.serving.cancel() }
        let client = simulator.client
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-idle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try OnboardingStore(directory: directory)
        let engine = try OnboardingEngine.create(store: store, client: client, id: "onb-idle")
        var fields: [String: String] = [:]
        for case .submitEnterprise(let representative) in StateMachineDiagram.representativeEvents { fields = representative }
        try await engine.send(.begin)
        try await engine.send(.agreeToTerms)
        try await engine.send(.submitEnterprise(fields: fields))
        try await engine.send(.renderLOA(agent: nil, signature: nil))
        try await engine.send(.useSignedLOA(path: await engine.state.renderedLOAPath ?? ""))
        try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 3))
        try await engine.send(.confirm)
        guard await engine.state.step == .gates else { return "idle: the onboarding did not reach step 6" }

        let runtime = WizardRuntime(engine: engine, store: store, client: client, sandbox: nil)
        let asleep = try await measure(runtime, seconds: seconds, timerMilliseconds: nil)
        let timed = try await measure(runtime, seconds: seconds, timerMilliseconds: 80)
        // The floor: the process with its simulator and engine, and no wizard drawn.
        let floorStart = cpuSeconds()
        try await Task.sleep(for: .seconds(seconds))
        let floor = cpuSeconds() - floorStart
        await engine.close()
        func percent(_ cpu: Double) -> String { String(format: "%.3f %%", cpu / Double(seconds) * 100) }
        return """
            reputation-bench: the wizard idle at step 6 (review pending, the poller waiting), \(seconds) s each, one run

            | loop | CPU | of a core | frames drawn | goal |
            |---|---|---|---|---|
            | sleeps on input and wake-ups (now) | \(String(format: "%.3f s", asleep.cpu)) | \(percent(asleep.cpu)) | \(asleep.frames) | ≤ 0.1 % |
            | woken every 80 ms (before) | \(String(format: "%.3f s", timed.cpu)) | \(percent(timed.cpu)) | \(timed.frames) | |
            | no wizard (the floor: simulator, engine, client) | \(String(format: "%.3f s", floor)) | \(percent(floor)) | 0 | |

            now vs before: \(String(format: "%.1f", timed.cpu / max(asleep.cpu, 0.000_001)))× less CPU. CPU is the whole process's (user + system, getrusage), the in-process simulator included, and any review check that falls in the window; step 6 redraws when its "last checked" or "next check" line would read differently (whole minutes).
            """
    }

    /// CPU seconds the process spent while the wizard sat idle for `seconds` (counted from its
    /// first wait with nothing in flight: the opening read of Telnyx is not idle time), and the
    /// frames drawn meanwhile.
    static func measure(_ runtime: WizardRuntime, seconds: Int, timerMilliseconds: Int?) async throws -> (cpu: Double, frames: Int) {
        let terminal = try SleepingTerminal(seconds: seconds, timerMilliseconds: timerMilliseconds)
        try await runtime.run(on: terminal)
        return ((terminal.ended ?? cpuSeconds()) - (terminal.settled?.cpu ?? 0), terminal.frames - (terminal.settled?.frames ?? 0))
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// A terminal that receives no key and sleeps for real: on a pipe nobody writes to, and the
/// wizard's wake-up; or, as the loop did before, for at most `timerMilliseconds` each time.
/// Quits `seconds` after the wizard settled (2 s with nothing in flight).
final class SleepingTerminal: Terminal {
    let size = (width: 80, height: 24)
    private let seconds: Int
    private var until = ContinuousClock.now + .seconds(3600)
    private let timerMilliseconds: Int?
    private let silent: WakeUp
    private(set) var frames = 0
    /// The process's CPU time and the frames drawn when the wizard settled.
    private(set) var settled: (cpu: Double, frames: Int)?
    private var quietSince: ContinuousClock.Instant?

    init(seconds: Int, timerMilliseconds: Int?) throws {
        self.seconds = seconds
        self.timerMilliseconds = timerMilliseconds
        silent = try WakeUp()
    }

    func show(_ surface: Surface) {
        _ = surface.changedRows(since: nil)
        frames += 1
    }

    func waitForInput(timeoutMilliseconds: Int?, wake: WakeUp) {
        // Nothing in flight (no spinner asks to be woken within a second) for 2 s: settled.
        if settled == nil, (timeoutMilliseconds ?? .max) >= 1000 {
            let now = ContinuousClock.now
            let since = quietSince ?? now
            quietSince = since
            if now - since >= .seconds(2) {
                settled = (IdleWizard.cpuSeconds(), frames)
                until = now + .seconds(seconds)
            }
        } else if settled == nil {
            quietSince = nil
        }
        let (seconds, attoseconds) = (until - ContinuousClock.now).components
        let left = max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000) + 1)
        // Until settled, woken every 500 ms to see whether it has.
        let timeout = [timeoutMilliseconds, timerMilliseconds, left, settled == nil ? 500 : nil].compactMap { $0 }.min() ?? left
        var descriptors = [
            pollfd(fd: silent.fileDescriptorToPoll, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.fileDescriptorToPoll, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&descriptors, nfds_t(descriptors.count), Int32(timeout))
        wake.drain()
    }

    /// ^Q once the window is over, its CPU time taken then (quitting is not idle time).
    func nextKey(timeoutMilliseconds: Int) -> Key? {
        guard ContinuousClock.now >= until, ended == nil else { return nil }
        ended = IdleWizard.cpuSeconds()
        return .control("q")
    }

    /// The process's CPU time when the window ended.
    private(set) var ended: Double?

    func restore() {}
}
