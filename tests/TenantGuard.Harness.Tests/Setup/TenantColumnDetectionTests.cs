using TenantGuard.Harness.Setup;

namespace TenantGuard.Harness.Tests.Setup;

public sealed class TenantColumnDetectionTests
{
    [Fact]
    public void The_tenant_looking_column_most_tables_have_wins()
    {
        var detection = TenantColumnDetection.From([
            ["id", "workspace_id", "name"],
            ["id", "workspace_id", "owner_account_id"],
            ["id", "workspace_id"],
            ["id", "code"],
        ]);

        Assert.Equal("workspace_id", detection.Column);
        Assert.Equal("workspace_id is on 3 of 4 table(s), the most of the columns that look like a tenant key; also seen: owner_account_id (1)", detection.Reason);
    }

    [Fact]
    public void A_tie_prefers_a_tenant_name_and_says_to_check()
    {
        var detection = TenantColumnDetection.From([["org_id", "tenant_id"], ["org_id", "tenant_id"]]);

        Assert.Equal("tenant_id", detection.Column);
        Assert.EndsWith("org_id is on as many tables, so check the choice", detection.Reason);
    }

    [Fact]
    public void No_tenant_looking_column_chooses_nothing()
    {
        var detection = TenantColumnDetection.From([["id", "name"]]);

        Assert.Null(detection.Column);
        Assert.StartsWith("no column of the 1 table(s) looks like a tenant key", detection.Reason);
    }
}
