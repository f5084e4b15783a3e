using System.Collections.Concurrent;
using TenantGuard.Harness.Attacks.Probing;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks;

/// <summary>
/// The positive controls of a run: before each attack, tenant A does the same thing to its own rows through the same
/// path. A refused attack proves isolation only when its control passed; a failed control (no own row visible, a
/// permission error, a policy that raises) leaves the table unproven, and that is reported, never counted as safe.
/// Thread-safe: tables are attacked in parallel.
/// </summary>
public sealed class ControlLedger
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FailedControl>> _failures = new(StringComparer.Ordinal);
    private int _passed;

    /// <summary>One control that failed: what tenant A tried on its own rows, why it did not work, and the transcript.</summary>
    public sealed record FailedControl(string Path, string Why, string Transcript);

    /// <summary>How many controls passed in the run.</summary>
    public int Passed => _passed;

    /// <summary>Records a control's outcome; true when it passed, so the attack through the same path proves something.</summary>
    public bool Record(SeedTable table, string path, ProbeOutcome outcome, bool passed)
    {
        if (passed)
        {
            Interlocked.Increment(ref _passed);
            return true;
        }

        var why = outcome.Error is { } error
            ? $"{error.SqlState} {error.MessageText}"
            : $"{outcome.Rows} of tenant A's own rows";
        _failures.GetOrAdd(table.QualifiedName, _ => new ConcurrentQueue<FailedControl>())
            .Enqueue(new FailedControl(path, why, outcome.Transcript));
        return false;
    }

    /// <summary>True when every control run on the table passed (and at least one ran).</summary>
    public bool IsProven(SeedTable table) => !_failures.ContainsKey(table.QualifiedName);

    /// <summary>Tables with at least one failed control, in name order, with their failures.</summary>
    public IEnumerable<(string Table, IReadOnlyList<FailedControl> Failures)> Failures =>
        _failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, (IReadOnlyList<FailedControl>)f.Value.ToList()));
}
