using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Audit;

[Collection("postgres")]
public sealed class TG1016Tests(PostgresServerFixture fixture)
{
    private const string Function = "CREATE FUNCTION same_number(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE {0} AS $$ SELECT a = b $$;\n";

    [Fact]
    public async Task A_leakproof_function_the_app_role_can_call_is_reported()
    {
        // Only a superuser may mark a function LEAKPROOF.
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + string.Format(Function, "LEAKPROOF"), b => b.WithMigrationsAsSuperuser());

        var finding = Assert.Single(report.Of("TG1016"));
        Assert.Equal("public.same_number(text,text)", finding.Object);
        Assert.Equal("ALTER FUNCTION public.same_number(text,text) NOT LEAKPROOF;", finding.Fix);
    }

    [Fact]
    public async Task An_ordinary_function_is_not_reported()
    {
        var report = await fixture.AuditAsync(Schemas.CorrectOrders + string.Format(Function, ""), b => b.WithMigrationsAsSuperuser());

        Assert.Empty(report.Of("TG1016"));
    }
}
