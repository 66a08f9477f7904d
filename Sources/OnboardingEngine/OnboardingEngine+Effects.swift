import Foundation
import Onboarding
import OnboardingStore
import TelnyxAPI

extension OnboardingEngine {
    /// Runs one effect against Telnyx and says how it ended, as an event.
    func perform(_ effect: Effect) async -> Event {
        do {
            return try await attempt(effect)
        } catch let error as TelnyxError {
            return .effectFailed(effect, TelnyxMapping.failure(error, of: effect))
        } catch is CancellationError {
            // Stopped mid-call (the person quit): a change may have reached Telnyx, so it is
            // reconciled by reading before anything else is sent.
            return .effectFailed(
                effect,
                Failure(
                    message: "“\(effect.name)” was interrupted; whether Telnyx applied it is checked before anything else is sent.",
                    outcomeUnknown: effect.changesRemoteState))
        } catch let problem as SignedLOAFile.Problem {
            return .effectFailed(effect, Failure(message: problem.description))
        } catch let problem as OwnershipEvidenceFile.Problem {
            // The proof's documents, or the evidence sent with an ownership answer.
            let (label, field) =
                if case .confirmOwnership = effect { ("Evidence", "evidence") } else { ("Ownership proof", "ownership_proof") }
            return .effectFailed(effect, Failure(message: "\(label): \(problem.description)", fieldProblems: [field: problem.description]))
        } catch let problem as SignatureImage.Problem {
            return .effectFailed(effect, Failure(message: "Signature image: \(problem.description)"))
        } catch let problem as DecodingError {
            // A request that could not be built from what was given: said by field, never raw.
            return .effectFailed(
                effect,
                Failure(
                    message: "“\(effect.name)” was not sent: \(AnswersProblem.describe(problem)).",
                    fieldProblems: Self.fieldProblems(problem)))
        } catch {
            return .effectFailed(
                effect, Failure(message: "“\(effect.name)” failed here before anything was sent: \(error.localizedDescription)"))
        }
    }

    /// The field a decoding problem names, keyed as the form names fields (`organization_contact.email`).
    static func fieldProblems(_ problem: DecodingError) -> [String: String] {
        var path: [any CodingKey]
        switch problem {
        case .keyNotFound(let key, let found): path = found.codingPath + [key]
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found): path = found.codingPath
        @unknown default: return [:]
        }
        path = path.filter { $0.intValue == nil }
        guard !path.isEmpty else { return [:] }
        return [path.map(\.stringValue).joined(separator: "."): "is missing or malformed"]
    }

    private func attempt(_ effect: Effect) async throws -> Event {
        switch effect {
        case .checkTerms:
            let status = try await client.termsStatus()
            return .termsChecked(agreed: status.hasAgreed, version: status.currentTermsVersion)
        case .agreeToTerms:
            let agreement = try await client.agreeToTerms()
            return .termsAgreed(version: agreement.termsVersion ?? agreement.version ?? "")
        case .createEnterprise(let fields):
            let body = try TelnyxMapping.enterprise(fields, customerReference: state.id, as: EnterpriseCreate.self)
            let enterprise = try await client.createEnterprise(body)
            return .enterpriseReady(id: enterprise.id ?? "", legalName: enterprise.legalName ?? "")
        case .updateEnterprise(let id, let fields):
            // Nested objects go whole, completed from what Telnyx holds now (a free read).
            let record = TelnyxMapping.fields(of: try await client.enterprise(id: id))
            let body = try TelnyxMapping.correction(fields, record: record)
            let enterprise = try await client.updateEnterprise(id: id, body)
            return .enterpriseReady(id: id, legalName: enterprise.legalName ?? "")
        case .renderLOA(let id, let agent, let signature):
            let agentInput = try agent.map { try TelnyxMapping.enterprise($0, customerReference: nil, as: LOAAgent.self) }
            let signatureInput = try signature.map { signature in
                LOASignature(imageBase64: try SignatureImage.read(signature.path).base64EncodedString(), signerName: signature.signerName)
            }
            let pdf = try await client.renderLOA(enterpriseId: id, agent: agentInput, signature: signatureInput)
            let directory = loaDirectory ?? folder
            let name = LOAFileName.name(legalName: state.enterprise?.legalName ?? "", day: now()) { taken in
                FileManager.default.fileExists(atPath: directory.appendingPathComponent(taken).path)
            }
            let path = try writePrivately(pdf, named: name, in: directory)
            // Kept for the other desks of a shared store; a failure there must not undo what
            // Telnyx did (the file is on this desk, and goes with `export`).
            try? store.keepFile(state.id, .renderedLOA, name: name, contents: Data(pdf))
            return .loaRendered(path: path)
        case .uploadSignedLOA(let path):
            let bytes = try SignedLOAFile.read(path)
            // After a rejection only a newly signed LOA will do: the one uploaded before, under
            // any name, is refused here before anything is sent.
            if let submitted = state.submittedLOASHA256, SignedLOADigest.hex(bytes) == submitted {
                let what = state.loaRound.submittedLOA
                let rendered = state.renderedLOAPath.map { " at \($0)" } ?? ""
                let name = URL(fileURLWithPath: path).lastPathComponent
                return .effectFailed(
                    effect,
                    Failure(
                        message:
                            "\(what.prefix(1).uppercased() + what.dropFirst()) again (\(name)): sign the new LOA\(rendered) and give its path."
                    ))
            }
            let document = try await client.uploadDocument(
                Array(bytes), filename: URL(fileURLWithPath: path).lastPathComponent, customerReference: state.id)
            try? store.keepFile(state.id, .signedLOA, name: URL(fileURLWithPath: path).lastPathComponent, contents: bytes)
            return .signedLOAUploaded(documentId: document.value1.id ?? "", sha256: SignedLOADigest.hex(bytes))
        case .enableReputation(let id, let documentId, let frequency):
            let settings = try await client.enableReputation(
                enterpriseId: id, loaDocumentId: documentId, checkFrequency: TelnyxMapping.frequency(frequency))
            return .reputationEnabled(TelnyxMapping.gates(settings))
        case .readEnterprise(let id):
            return .enterpriseFactsRead(try await Self.remoteFacts(enterpriseId: id, client: client))
        case .checkGates(let id):
            var report = TelnyxMapping.gates(try await client.reputationSettings(enterpriseId: id))
            // The settings carry only the proof's status; why it was rejected is on the proof.
            if report.externalVerificationStatus == .rejected {
                report.externalVerificationRejection = try await client.externalVerification(enterpriseId: id)?.rejectionReason
            }
            return .gatesChecked(report, at: now())
        case .replaceLOA(let id, let documentId):
            return .loaReplaced(TelnyxMapping.gates(try await client.replaceLOA(enterpriseId: id, documentId: documentId)))
        case .disableReputation(let id):
            try await client.disableReputation(enterpriseId: id)
            return .reputationDisabled
        case .associateNumbers(let id, let numbers):
            defer { report(nil) }
            let added = try await BulkAssociation(
                client: client, enterpriseId: id, batchSize: Self.batchSize
            )
            .run(numbers) { [weak self] progress in self?.report(progress) }
            try store.recordNumberOutcomes(state.id, monitored: added.monitored, setAside: added.setAside, at: now())
            return .numbersAssociated(added.monitored, setAside: added.setAside)
        case .queryNumbers(let id, let numbers, let fresh):
            let read = try await query(id, numbers, fresh: fresh)
            return .numbersQueried(read.numbers, withoutData: read.withoutData.isEmpty ? nil : read.withoutData)
        case .refreshNumbers(let id, let numbers):
            var succeeded: [String] = []
            var failed: [String] = []
            for start in stride(from: 0, to: numbers.count, by: Self.batchSize) {
                let batch = Array(numbers[start..<min(start + Self.batchSize, numbers.count)])
                let sentAt = now()
                let outcome: RefreshOutcome
                do {
                    outcome = try await client.refreshNumbers(enterpriseId: id, batch)
                } catch {
                    if error.mayHaveBeenApplied {
                        // Only this batch may have been billed (the later ones were never sent):
                        // settled here from the free list, so the rest is not counted as refreshed.
                        guard let reached = await reachedByRefresh(batch, of: id, sentAt: sentAt) else { throw error }
                        succeeded += reached
                        failed += batch.filter { !reached.contains($0) } + numbers[(start + batch.count)...]
                        break
                    }
                    // Billed batches before a plain failure are the outcome; the rest failed.
                    guard !succeeded.isEmpty else { throw error }
                    failed += numbers[start...]
                    break
                }
                for result in outcome.results {
                    if result.success { succeeded.append(result.phoneNumber) } else { failed.append(result.phoneNumber) }
                }
            }
            let withoutData = try await recordListedReadings(id, of: succeeded)
            return .numbersRefreshed(succeeded: succeeded, failed: failed, withoutData: withoutData.isEmpty ? nil : withoutData)
        case .changeFrequency(let id, let frequency):
            _ = try await client.changeFrequency(enterpriseId: id, to: TelnyxMapping.frequency(frequency))
            return .frequencyChanged(frequency)
        case .readOwnership(let id):
            return try await ownership(of: id)
        case .confirmOwnership(let id, let numbers, let evidence):
            var documentId: String?
            if let evidence { documentId = try await uploadOnce(evidence) }
            var confirmed: [String] = []
            for number in numbers {
                do {
                    _ = try await client.confirmOwnership(
                        enterpriseId: id, phoneNumber: number, stillOwn: true, evidenceDocumentId: documentId)
                } catch {
                    // Those confirmed are the outcome; a plain failure stops the rest, said by the state.
                    guard !error.mayHaveBeenApplied, !confirmed.isEmpty else { throw error }
                    break
                }
                confirmed.append(number)
            }
            return .ownershipConfirmed(confirmed)
        case .submitRemediation(let id, let numbers, let callPurpose, let contactEmail):
            return try await submitRemediation(enterpriseId: id, numbers: numbers, callPurpose: callPurpose, contactEmail: contactEmail)
        case .readRemediations(let id, let ids):
            return try await readRemediations(enterpriseId: id, ids: ids)
        case .submitOwnershipProof(let id, let documents, let numbers):
            return try await submitOwnershipProof(enterpriseId: id, documents: documents, numbers: numbers)
        case .setWebhook(let id, let url):
            return .webhookSet(url: try await client.setOwnershipWebhook(enterpriseId: id, url: url).webhookUrl)
        case .removeNumbers(let id, let numbers):
            // A number Telnyx asks about is given up by answering its question (`still_own:
            // false`), so Telnyx records why (ported away) instead of a plain removal.
            let asked = Set((state.ownershipNotices ?? []).map(\.phoneNumber))
            var removed: [String] = []
            for number in numbers {
                // Already gone (404) reaches the goal as well.
                do {
                    _ = try await unlessNotFound { () async throws(TelnyxError) in
                        if asked.contains(number) {
                            _ = try await client.confirmOwnership(enterpriseId: id, phoneNumber: number, stillOwn: false)
                        } else {
                            try await client.removeNumber(enterpriseId: id, phoneNumber: number)
                        }
                    }
                } catch {
                    // Those removed are the outcome; the state machine says which are left.
                    guard !error.mayHaveBeenApplied, !removed.isEmpty else { throw error }
                    break
                }
                removed.append(number)
            }
            return .numbersRemoved(removed)
        }
    }

    /// Reads each number (live when `fresh`, never read, or without data), keeping every reading
    /// as history; answers the numbers read and those of them that still have no data.
    func query(_ enterpriseId: String, _ numbers: [String], fresh: Bool) async throws -> (numbers: [String], withoutData: [String]) {
        let client = self.client
        let neverRead = Set(numbers.filter(state.nextReadIsBilled))
        // Each number on its own: one failed answer neither cancels the other reads (some may
        // already be billed) nor hides them.
        let answers = try await numbers.concurrentMap(inFlight: { client.inFlightAllowance }) { number in
            // A read that bills is never resent after a lost answer: it is reconciled instead.
            await Self.read(number, of: enterpriseId, fresh: fresh, mayBill: neverRead.contains(number), with: client)
        }
        let readings = answers.compactMap { try? $0.get() }
        let failures = answers.compactMap { answer -> TelnyxError? in if case .failure(let error) = answer { error } else { nil } }
        let at = now()
        // A read answered from Telnyx's cache is the reading already kept: history keeps one
        // entry per check Telnyx ran (and billed), not one per look.
        try store.recordNewReadings(state.id, ReadingDecoding.snapshots(readings, at: at))
        // A lost answer may have billed: the whole read is reconciled from the free list. A plain
        // failure billed nothing: the numbers read are the outcome, the others are said unread.
        if let unknown = failures.first(where: { $0.mayHaveBeenApplied }) { throw unknown }
        if readings.isEmpty, let failure = failures.first { throw failure }
        return (readings.compactMap(\.phoneNumber), readings.filter { $0.reputationData == nil }.compactMap(\.phoneNumber))
    }

    static func fileProblem(_ code: Int32, path: String) -> StoreError {
        code == ENOSPC || code == EDQUOT ? .diskFull(path: path) : .cannotCreate(path: path, reason: String(cString: strerror(code)))
    }

    static func read(
        _ number: String, of enterpriseId: String, fresh: Bool, mayBill: Bool, with client: TelnyxClient
    ) async -> Result<ReputationNumber, TelnyxError> {
        do {
            return .success(
                try await client.numberReputation(enterpriseId: enterpriseId, phoneNumber: number, fresh: fresh, mayBill: mayBill))
        } catch {
            return .failure(error)
        }
    }

    /// Of `batch`, the numbers a refresh sent at `sentAt` whose answer was lost may have
    /// reached, read from the free list: those with data newer than the last kept before it,
    /// and (as no newer data can show a refresh of them) those without data, counted as
    /// refreshed and billed so that nothing is refreshed twice by itself. Nil when the list
    /// cannot be read (the whole refresh is reconciled later then).
    func reachedByRefresh(_ batch: [String], of enterpriseId: String, sentAt: Date) async -> [String]? {
        guard let listed = try? await client.allNumbers(enterpriseId: enterpriseId) else { return nil }
        let wanted = Set(batch)
        let mine = listed.filter { wanted.contains($0.phoneNumber ?? "") }
        let reached = refreshed(mine, since: sentAt).union(mayHaveBeenRead(mine, fresh: true))
        return batch.filter(reached.contains)
    }

    /// Keeps the current data of `numbers` as read through the free list: a refresh answers
    /// only success, and the reading it produced is the witness for reconciling the next one.
    /// Answers those of `numbers` that have no data yet.
    @discardableResult
    func recordListedReadings(_ enterpriseId: String, of numbers: [String]) async throws -> [String] {
        guard !numbers.isEmpty else { return [] }
        let wanted = Set(numbers)
        let listed = try await client.allNumbers(enterpriseId: enterpriseId).filter { wanted.contains($0.phoneNumber ?? "") }
        let at = now()
        try store.recordNewReadings(state.id, ReadingDecoding.snapshots(listed, at: at))
        return listed.filter { $0.reputationData == nil }.compactMap(\.phoneNumber)
    }

    /// Writes a file into `directory` (the onboarding's folder unless given), readable by its owner only.
    func writePrivately(_ bytes: [UInt8], named name: String, in directory: URL? = nil) throws -> String {
        let directory = directory ?? folder
        if directory == folder {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let path = directory.appendingPathComponent(name).path
        // Created 0600 from the first byte; a full disk is said as such.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.fileProblem(errno, path: path) }
        defer { closeDescriptor(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let problem = Self.fileProblem(errno, path: path)
                unlink(path)
                throw problem
            }
            written += count
        }
        return path
    }
}

/// `close(2)`, out of reach of the actor's own `close()`.
private func closeDescriptor(_ descriptor: Int32) { close(descriptor) }
