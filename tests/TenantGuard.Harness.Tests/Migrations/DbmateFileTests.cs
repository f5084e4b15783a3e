using TenantGuard.Harness.Migrations.Layouts;

namespace TenantGuard.Harness.Tests.Migrations;

public sealed class DbmateFileTests
{
    [Fact]
    public void The_up_section_runs_from_its_marker_to_the_down_marker()
    {
        const string text = "-- users\n\n-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nDROP TABLE users;\n";

        var file = DbmateFile.Read(text, "001_users.sql");

        var up = Assert.Single(file.UpSections);
        Assert.Equal("-- migrate:up\nCREATE TABLE users (id int);\n", text[up.Start..up.End]);
        Assert.Equal((3, 4), (up.FirstLine, up.LastLine));
        Assert.True(up.InTransaction);
        Assert.Equal(1, file.DownSections);
    }

    [Fact]
    public void Several_up_sections_each_run_and_take_their_own_options()
    {
        const string text = "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n" +
                            "--migrate:up   transaction:false  \r\nCREATE INDEX CONCURRENTLY ON a (id);\r\n";

        var file = DbmateFile.Read(text, "001_a.sql");

        Assert.Equal(2, file.UpSections.Count);
        Assert.Equal((1, 2), (file.UpSections[0].FirstLine, file.UpSections[0].LastLine));
        Assert.True(file.UpSections[0].InTransaction);
        var second = file.UpSections[1];
        Assert.Equal((5, 6), (second.FirstLine, second.LastLine));
        Assert.False(second.InTransaction);
        Assert.EndsWith("CREATE INDEX CONCURRENTLY ON a (id);\r\n", text[second.Start..second.End]);
    }

    [Theory]
    [InlineData("-- migrate:upgrade\nSELECT 1;\n", "no '-- migrate:up' line")]
    [InlineData("CREATE TYPE s AS ENUM ('a');\n-- migrate:up\nSELECT 1;\n", "001_x.sql:1: SQL before the first '-- migrate:up'")]
    [InlineData("-- migrate:down\n-- migrate:up\nSELECT 1;\n", "001_x.sql:1: '-- migrate:down' comes before")]
    [InlineData("-- migrate:up\nSELECT 1;\n-- migrate:down\n-- migrate:down\n", "001_x.sql:4: a second '-- migrate:down'")]
    public void Files_dbmate_refuses_are_refused_with_the_line(string text, string expected)
    {
        var error = Assert.Throws<HarnessException>(() => DbmateFile.Read(text, "001_x.sql"));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("-- migrate:up\n", true)]
    [InlineData("--   migrate:up transaction:false\n", true)]
    [InlineData("  -- migrate:up\n", false)]
    [InlineData("-- migrate:upgrade\n", false)]
    [InlineData("SELECT '-- migrate:up';\n", false)]
    public void Markers_are_comments_at_the_start_of_a_line(string text, bool marked)
    {
        Assert.Equal(marked, DbmateFile.HasUpMarker(text));
    }
}
