using System.Diagnostics;
using System.Globalization;

namespace TenantGuard.Harness.Server;

/// <summary>A process id with its start time, so a recycled pid is not mistaken for the original owner.</summary>
internal sealed record OwnerStamp(int ProcessId, long StartTimeUtcTicks)
{
    public static OwnerStamp ForCurrentProcess()
    {
        using var self = Process.GetCurrentProcess();
        return new OwnerStamp(self.Id, self.StartTime.ToUniversalTime().Ticks);
    }

    public static OwnerStamp? Parse(string text)
    {
        var parts = text.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new OwnerStamp(pid, ticks)
            : null;
    }

    /// <summary>True while the owning process still runs (same pid, same start time).</summary>
    public bool IsAlive()
    {
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            var started = process.StartTime.ToUniversalTime().Ticks;
            return Math.Abs(started - StartTimeUtcTicks) < TimeSpan.TicksPerSecond * 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ProcessId}\n{StartTimeUtcTicks}\n");
}
