using TenantGuard.Harness.Migrations;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Tests.Migrations;

public sealed class CreateRoleStatementTests
{
    private static CreateRoleStatement Parse(string sql) => CreateRoleStatement.Parse(SqlScript.Read(sql).Statements[0]);

    [Fact]
    public void Attributes_become_an_alter_role_and_memberships_become_grants()
    {
        var role = Parse("CREATE ROLE app_user WITH NOLOGIN CONNECTION LIMIT 5 IN ROLE readers, writers ADMIN boss");

        Assert.Equal("app_user", role.RoleName);
        Assert.Equal("ALTER ROLE app_user WITH NOLOGIN CONNECTION LIMIT 5", role.AlterRole);
        Assert.Equal(["GRANT readers, writers TO app_user", "GRANT app_user TO boss WITH ADMIN OPTION"], role.Grants);
    }

    [Fact]
    public void Create_user_implies_login_and_quoted_names_keep_their_case()
    {
        var role = Parse("CREATE USER \"App\" PASSWORD 'x'");

        Assert.Equal("App", role.RoleName);
        Assert.Equal("ALTER ROLE \"App\" WITH LOGIN PASSWORD 'x'", role.AlterRole);
    }

    [Fact]
    public void A_bare_create_role_has_nothing_to_alter()
    {
        var role = Parse("CREATE ROLE Service_Role");

        Assert.Equal("service_role", role.RoleName);
        Assert.Null(role.AlterRole);
        Assert.Empty(role.Grants);
        Assert.Contains("NOLOGIN PASSWORD NULL", role.ResetAttributes());
    }

    [Fact]
    public void Names_that_need_quotes_get_them()
    {
        var role = Parse("CREATE ROLE \"user\" IN ROLE \"Readers\"");

        Assert.Equal(["GRANT \"Readers\" TO \"user\""], role.Grants);
    }
}
