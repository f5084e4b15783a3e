using TenantGuard.Harness;
using TenantGuard.Harness.Reports;
using Xunit;

namespace TenantGuard.Testing;

/// <summary>
/// One tenant-isolation check (a PostgreSQL server, the migrations applied once) shared by a test class
/// (<c>IClassFixture&lt;TenantIsolationFixture&gt;</c>) or a collection. <see cref="VerifyAsync"/> is the one assertion;
/// <see cref="Environment"/> gives your own tests databases of their own. Options beyond tenantguard.json: derive and
/// pass them to the protected constructor. The xunit v2 (TenantGuard.Testing.Xunit) and v3
/// (TenantGuard.Testing.XunitV3) packages compile this same file; only the lifetime's task type differs.
/// </summary>
public class TenantIsolationFixture : IAsyncLifetime
{
    private readonly TenantIsolationOptions _options;
    private TenantIsolationCheck? _check;

    public TenantIsolationFixture()
        : this(new TenantIsolationOptions())
    {
    }

    protected TenantIsolationFixture(TenantIsolationOptions options)
    {
        _options = options;
    }

    public TenantIsolationCheck Check =>
        _check ?? throw new InvalidOperationException("The fixture has not started: xunit starts it before the tests that use it.");

    public TenantIsolationEnvironment Environment => Check.Environment;

#if XUNIT_V3
    /// <summary>The audit, the database attacks and the configured HTTP attacks; throws
    /// <see cref="TenantIsolationException"/> with the findings, waived findings and stale waivers unless clean.
    /// Cancelled with the test (xunit v3's TestContext), so a test need not pass a token.</summary>
    public Task<Report> VerifyAsync() => Check.VerifyAsync(TestContext.Current.CancellationToken);

    public async ValueTask InitializeAsync() => _check = await TenantIsolation.StartAsync(_options).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_check is not null)
            await _check.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
#else
    /// <summary>The audit, the database attacks and the configured HTTP attacks; throws
    /// <see cref="TenantIsolationException"/> with the findings, waived findings and stale waivers unless clean.</summary>
    public Task<Report> VerifyAsync(CancellationToken ct = default) => Check.VerifyAsync(ct);

    public async Task InitializeAsync() => _check = await TenantIsolation.StartAsync(_options).ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_check is not null)
            await _check.DisposeAsync().ConfigureAwait(false);
    }
#endif
}
