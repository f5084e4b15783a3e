using TenantGuard.Harness.Migrations.Layouts;

namespace TenantGuard.Harness.Tests.Migrations;

public sealed class MigrationFileNameTests
{
    [Theory]
    [InlineData("001_init.up.sql", "001", true)]
    [InlineData("20240101120000_add_notes.down.sql", "20240101120000", false)]
    [InlineData("2_x.up.SQL", "2", true)]
    [InlineData("1_.up.sql", "1", true)]
    public void Golang_migrate_names_give_their_version_and_direction(string fileName, string version, bool isUp)
    {
        Assert.True(GolangMigrateName.TryParse(fileName, out var name));
        Assert.Equal((version, isUp), (name.Version, name.IsUp));
    }

    [Theory]
    [InlineData("init.up.sql")]
    [InlineData("001-init.up.sql")]
    [InlineData("001_init.sql")]
    [InlineData("001_init.UP.sql")]
    public void Other_names_are_not_golang_migrate_names(string fileName)
    {
        Assert.False(GolangMigrateName.TryParse(fileName, out _));
    }

    [Theory]
    [InlineData("V1__init.sql", "Versioned", "1", "init")]
    [InlineData("V1_2_10__add_notes.sql", "Versioned", "1.2.10", "add_notes")]
    [InlineData("V2024.01.05__x.SQL", "Versioned", "2024.01.05", "x")]
    [InlineData("U3__drop.sql", "Undo", "3", "drop")]
    [InlineData("R__views.sql", "Repeatable", "", "views")]
    public void Flyway_names_give_their_kind_version_and_description(string fileName, string kind, string version, string description)
    {
        Assert.True(FlywayName.TryParse(fileName, out var name));
        Assert.Equal((kind, version, description), (name.Kind.ToString(), name.VersionText, name.Description));
    }

    [Theory]
    [InlineData("V__x.sql")]
    [InlineData("V1_x.sql")]
    [InlineData("V1..2__x.sql")]
    [InlineData("v1__x.sql")]
    [InlineData("R1__x.sql")]
    [InlineData("B1__baseline.sql")]
    [InlineData("afterMigrate.sql")]
    public void Other_names_are_not_flyway_names(string fileName)
    {
        Assert.False(FlywayName.TryParse(fileName, out _));
    }

    [Theory]
    [InlineData("1.2.10", "1.2.9", 1)]
    [InlineData("1.10", "1.9.9", 1)]
    [InlineData("1.0", "1", 0)]
    [InlineData("2", "10", -1)]
    [InlineData("010", "10", 0)]
    [InlineData("99999999999999999999999", "99999999999999999999998", 1)]
    public void Flyway_versions_compare_part_by_part_as_numbers(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(FlywayName.CompareVersions(a.Split('.'), b.Split('.'))));
    }
}
