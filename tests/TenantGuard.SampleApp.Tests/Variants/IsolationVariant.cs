using Microsoft.Extensions.DependencyInjection;
using TenantGuard.SampleApp.Tenancy;

namespace TenantGuard.SampleApp.Tests.Variants;

/// <summary>
/// A deliberately broken copy of the sample app: its migrations plus one break file, and/or one of its parts replaced.
/// The isolation suite must report every rule in <see cref="ExpectedRules"/> for it.
/// </summary>
/// <param name="BreakSql">Applied after the app's migrations, as the owner role (or the superuser).</param>
/// <param name="AppRole">An app role of the variant's own, when the break changes the role itself: roles are
/// shared by every database on the server, so app_user is never altered.</param>
/// <param name="BreakApp">Replaces a service of the app; the HTTP attacks run against the result.</param>
/// <param name="AppScope">The app's way of binding the tenant, for the pool and concurrency checks.</param>
public sealed record IsolationVariant(
    string Name,
    string Description,
    IReadOnlyList<string> ExpectedRules,
    string? BreakSql = null,
    string? AppRole = null,
    bool MigrateAsSuperuser = false,
    Action<IServiceCollection>? BreakApp = null,
    Func<ITenantConnectionScope>? AppScope = null)
{
    public override string ToString() => Name;
}
