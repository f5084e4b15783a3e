using TenantGuard.Harness;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Attacks.Http;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Testing;

/// <summary>
/// A started check: one PostgreSQL server with the migrations applied once, and what tenantguard.json says to attack.
/// <see cref="VerifyAsync"/> runs the audit, the database attacks and (when the file names an "http" file) the HTTP
/// attacks in one assertion; <see cref="Environment"/> hands your own tests databases of their own. Dispose it to
/// stop the server.
/// </summary>
public sealed class TenantIsolationCheck : IAsyncDisposable
{
    private readonly TenantIsolationOptions _options;

    private TenantIsolationCheck(TenantIsolationEnvironment environment, TenantIsolationOptions options)
    {
        Environment = environment;
        _options = options;
    }

    /// <summary>The server and the migrated template: <c>CreateDatabaseAsync()</c> gives a test a database of its own.</summary>
    public TenantIsolationEnvironment Environment { get; }

    /// <summary>Finds tenantguard.json and the migrations (a mistake in either fails here, naming the file and what to
    /// do), starts the server and applies the migrations.</summary>
    public static async Task<TenantIsolationCheck> StartAsync(TenantIsolationOptions options, CancellationToken ct = default)
    {
        var found = ConfigSearch.Find(options.Path, options.SearchFrom ?? AppContext.BaseDirectory);
        var builder = new TenantIsolationEnvironmentBuilder();
        if (found.ConfigFile is not null)
            builder.WithConfigFile(found.ConfigFile);
        if (found.Migrations is not null)
            builder.WithMigrations(found.Migrations);
        if (options.Progress is not null)
            builder.WithProgress(options.Progress);
        options.Configure?.Invoke(builder);
        return new TenantIsolationCheck(await builder.StartAsync(ct).ConfigureAwait(false), options);
    }

    /// <summary>Audits and attacks fresh copies of the migrated database (and the API, when configured); returns the
    /// report when it is clean, else throws <see cref="TenantIsolationException"/>, whose message lists the findings
    /// (rule, object, why, fix, the rule's page), the waived findings and the waivers that matched nothing.</summary>
    public Task<Report> VerifyAsync(CancellationToken ct = default) => VerifyAsync(_options.BaseUrl, ct);

    /// <summary>The same, with the HTTP attacks aimed at an API the test started (on a database from
    /// <see cref="Environment"/>, say) after the check did.</summary>
    public async Task<Report> VerifyAsync(Uri? apiBaseUrl, CancellationToken ct = default)
    {
        // The HTTP file and the base URL first: a mistake in either fails before the slow part.
        (HttpAttackConfig Http, Uri BaseUrl)? api =
            Environment.Config.Http is { } httpFile ? await ApiAsync(httpFile, apiBaseUrl, ct).ConfigureAwait(false) : null;
        var report = await Environment.CheckAsync(new VerifyOptions
        {
            ContextApplier = _options.ContextApplier,
            Progress = _options.Progress,
        }, ct).ConfigureAwait(false);
        if (api is { } target)
        {
            var attacked = await HttpIsolationAttack.RunAsync(target.Http, target.BaseUrl, Environment.Waivers, ct, _options.Progress).ConfigureAwait(false);
            report = ReportMerge.Attacks([report, attacked]);
        }

        return report.ExitCode == 0 ? report : throw new TenantIsolationException(report);
    }

    private static async Task<(HttpAttackConfig Http, Uri BaseUrl)> ApiAsync(string httpFile, Uri? apiBaseUrl, CancellationToken ct)
    {
        var http = await HttpAttackConfig.LoadAsync(httpFile, ct).ConfigureAwait(false);
        return (http, http.ResolveBaseUrl(apiBaseUrl?.AbsoluteUri, httpFile, "set BaseUrl in TenantIsolationOptions (or pass it to VerifyAsync)"));
    }

    public ValueTask DisposeAsync() => Environment.DisposeAsync();
}
