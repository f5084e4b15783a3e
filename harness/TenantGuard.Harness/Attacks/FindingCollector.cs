using TenantGuard.Harness.Reports;

namespace TenantGuard.Harness.Attacks;

/// <summary>Collects attack findings, one per rule and object; further successful attacks on the same object add
/// their evidence to it. Thread-safe: the checks run in parallel.</summary>
public sealed class FindingCollector
{
    private readonly Dictionary<(string Rule, string Object), Finding> _findings = [];
    private readonly List<(string Rule, string Object)> _order = [];
    private readonly Lock _gate = new();

    public void Add(string rule, string objectName, string? table, string message, string fix, string evidence)
    {
        var severity = AttackRules.Database.Concat(HttpAttackRules.All).First(r => r.Id == rule).DefaultSeverity;
        lock (_gate)
        {
            var key = (rule, objectName);
            if (_findings.TryGetValue(key, out var existing))
            {
                _findings[key] = existing with { Evidence = existing.Evidence + Environment.NewLine + evidence };
                return;
            }

            _findings[key] = new Finding(rule, severity, objectName, message, fix) { Evidence = evidence, Table = table };
            _order.Add(key);
        }
    }

    public IReadOnlyList<Finding> Findings
    {
        get
        {
            lock (_gate)
            {
                return _order.Select(k => _findings[k]).ToList();
            }
        }
    }
}
