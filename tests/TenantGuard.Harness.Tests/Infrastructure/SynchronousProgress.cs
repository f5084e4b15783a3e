namespace TenantGuard.Harness.Tests.Infrastructure;

/// <summary>Collects progress lines as they are reported (Progress&lt;T&gt; would post them later, out of order).</summary>
public sealed class SynchronousProgress(List<string> lines) : IProgress<string>
{
    public void Report(string value)
    {
        lock (lines)
        {
            lines.Add(value);
        }
    }
}
