using System.Diagnostics;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>The built tenantguard tool started as its own process, as CI starts it, on the embedded server (not
/// whatever server TENANTGUARD_CONNECTION points at).</summary>
internal static class ToolProcess
{
    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tenantguard.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("TENANTGUARD_CONNECTION");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end and returns the exit code and both streams.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
