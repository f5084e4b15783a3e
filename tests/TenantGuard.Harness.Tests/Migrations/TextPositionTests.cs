using TenantGuard.Harness.Migrations;

namespace TenantGuard.Harness.Tests.Migrations;

public sealed class TextPositionTests
{
    [Fact]
    public void Maps_an_index_to_line_and_column()
    {
        Assert.Equal((3, 4), TextPosition.LineAndColumn("a\nbc\ndefgh", 8)); // the "g"
        Assert.Equal((1, 1), TextPosition.LineAndColumn("abc", 0));
    }

    [Fact]
    public void Server_positions_count_characters_not_utf16_units()
    {
        const string statement = "SELECT '😀' FRO";

        var index = TextPosition.IndexOfServerPosition(statement, 12); // the server counts the emoji as one character

        Assert.Equal(statement.IndexOf("FRO", StringComparison.Ordinal), index);
        Assert.Equal((1, 12), TextPosition.LineAndColumn(statement, index));
    }
}
