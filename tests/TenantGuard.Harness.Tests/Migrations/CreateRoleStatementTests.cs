using TenantGuard.Harness.Migrations;

namespace TenantGuard.Harness.Tests.Migrations;

public sealed class CreateRoleStatementTests
{
    [Fact]
    public void Attributes_become_an_alter_role_and_memberships_become_grants()
    {
        var role = CreateRoleStatement.Parse(
            "CREATE ROLE app_user WITH NOLOGIN CONNECTION LIMIT 5 IN ROLE readers, writers ADMIN boss");

        Assert.Equal("app_user", role.RoleName);
        Assert.Equal("ALTER ROLE app_user WITH NOLOGIN CONNECTION LIMIT 5", role.AlterRole);
        Assert.Equal(["GRANT readers, writers TO app_user", "GRANT app_user TO boss WITH ADMIN OPTION"], role.Grants);
    }

    [Fact]
    public void Create_user_implies_login_and_quoted_names_keep_their_case()
    {
        var role = CreateRoleStatement.Parse("CREATE USER \"App\" PASSWORD 'x'");

        Assert.Equal("App", role.RoleName);
        Assert.Equal("ALTER ROLE \"App\" WITH LOGIN PASSWORD 'x'", role.AlterRole);
    }

    [Fact]
    public void A_bare_create_role_has_nothing_to_alter()
    {
        var role = CreateRoleStatement.Parse("CREATE ROLE Service_Role");

        Assert.Equal("service_role", role.RoleName);
        Assert.Null(role.AlterRole);
        Assert.Empty(role.Grants);
    }

    [Fact]
    public void For_the_app_role_login_and_password_are_left_to_the_harness()
    {
        var role = CreateRoleStatement.Parse("CREATE USER app_user WITH ENCRYPTED PASSWORD 'secret' CREATEDB NOLOGIN");

        Assert.Equal("ALTER ROLE app_user WITH CREATEDB", role.AlterRoleKeepingLogin);
        Assert.DoesNotContain("LOGIN", role.ResetAttributes(keepLogin: true));
        Assert.Contains("NOLOGIN PASSWORD NULL", role.ResetAttributes());
    }
}
