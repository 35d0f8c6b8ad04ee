using Gate.Core.Results;

namespace Gate.Core.Counters;

/// <summary>
/// The counter health of one perf run: which events cannot be counted here (recorded for the results), and
/// each kind of trouble with an event said once per run — not once per sample — through a warning callback.
/// </summary>
public sealed class PerfCounterHealth
{
    private readonly PerfHost _host;
    private readonly Action<string> _warn;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _said = new(StringComparer.Ordinal);
    private readonly List<UnsupportedEvent> _unsupported = [];

    /// <summary>Starts the run's health with what the probe found, saying once which events are unsupported and why.</summary>
    public PerfCounterHealth(PerfHost host, PerfProbeResult probe, Action<string>? warn)
    {
        _host = host;
        _warn = warn ?? (_ => { });
        var unsupported = probe.Events.Where(e => !e.IsSupported).ToList();
        _unsupported.AddRange(unsupported.Select(e => new UnsupportedEvent(e.Event.Spec, e.Reason ?? "not supported")));
        foreach (var group in unsupported.GroupBy(e => e.Reason ?? "not supported"))
        {
            SayOnce("unsupported:" + group.Key, PerfDiagnosis.Unsupported([.. group.Select(e => e.Event.Spec)], group.Key, host));
        }
        if (probe.UserSpaceOnly)
        {
            SayOnce("user-space-only", PerfDiagnosis.UserSpaceOnly(host));
        }
    }

    /// <summary>The events that cannot be counted here, with the reason, in the order they were found.</summary>
    public IReadOnlyList<UnsupportedEvent> Unsupported
    {
        get
        {
            lock (_lock)
            {
                return [.. _unsupported];
            }
        }
    }

    /// <summary>True when <paramref name="perfEvent"/> has been found unsupported.</summary>
    public bool IsUnsupported(PerfEvent perfEvent)
    {
        lock (_lock)
        {
            return _unsupported.Exists(u => u.Event == perfEvent.Spec);
        }
    }

    /// <summary>Takes the notes of one sample of <paramref name="benchmark"/>: records and says what is new in this run.</summary>
    public void Report(IReadOnlyList<PerfNote> notes, string benchmark)
    {
        foreach (var note in notes)
        {
            var spec = note.Event.Spec;
            switch (note.Kind)
            {
                case PerfNoteKind.NotSupported:
                    var reason = PerfDiagnosis.NotSupportedReason(note.Event, _host);
                    lock (_lock)
                    {
                        if (!_unsupported.Exists(u => u.Event == spec))
                        {
                            _unsupported.Add(new UnsupportedEvent(spec, reason));
                        }
                    }
                    SayOnce("unsupported-event:" + spec, PerfDiagnosis.Unsupported([spec], reason, _host));
                    break;
                case PerfNoteKind.NotCounted:
                    SayOnce("not-counted:" + spec, PerfDiagnosis.NotCounted(note.Event, benchmark));
                    break;
                case PerfNoteKind.Multiplexed:
                    SayOnce("multiplexed:" + spec, PerfDiagnosis.Multiplexed(note.Event, note.PercentRunning));
                    break;
                case PerfNoteKind.UserSpaceOnly:
                    SayOnce("user-space-only", PerfDiagnosis.UserSpaceOnly(_host));
                    break;
                case PerfNoteKind.Missing:
                    SayOnce("missing:" + spec, PerfDiagnosis.NoLine(note.Event));
                    break;
            }
        }
    }

    private void SayOnce(string key, string message)
    {
        lock (_lock)
        {
            if (!_said.Add(key))
            {
                return;
            }
        }
        _warn(message);
    }
}
