using System.Text.RegularExpressions;

namespace TenantGuard.Harness.Migrations;

/// <summary>Recognises, from its first words, the statements the runner cannot just send inside the file's transaction.</summary>
internal static partial class StatementClassifier
{
    public static StatementKind Classify(string statement)
    {
        var text = LeadingComments().Replace(statement, "");
        if (TransactionControl().IsMatch(text))
        {
            return StatementKind.TransactionControl;
        }

        if (Rollback().IsMatch(text))
        {
            return StatementKind.Rollback;
        }

        if (NonTransactional().IsMatch(text))
        {
            return StatementKind.NonTransactional;
        }

        if (CreateRole().IsMatch(text))
        {
            return StatementKind.CreateRole;
        }

        return CopyFromStdin().IsMatch(text) ? StatementKind.CopyFromStdin : StatementKind.Ordinary;
    }

    [GeneratedRegex(@"\A(\s+|--[^\n]*\n?|/\*.*?\*/)*", RegexOptions.Singleline)]
    private static partial Regex LeadingComments();

    [GeneratedRegex(@"\A(BEGIN(\s+(WORK|TRANSACTION))?|START\s+TRANSACTION|COMMIT(\s+(WORK|TRANSACTION))?|END(\s+(WORK|TRANSACTION))?)(\s+ISOLATION\s+LEVEL\s+[\w ]+)?\s*\z",
        RegexOptions.IgnoreCase)]
    private static partial Regex TransactionControl();

    [GeneratedRegex(@"\A(ROLLBACK|ABORT)(\s+(WORK|TRANSACTION))?\s*\z", RegexOptions.IgnoreCase)]
    private static partial Regex Rollback();

    [GeneratedRegex(@"\A(CREATE\s+DATABASE|DROP\s+DATABASE|ALTER\s+SYSTEM|VACUUM|CREATE\s+TABLESPACE|DROP\s+TABLESPACE|CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\b[^;]*\bCONCURRENTLY|CREATE\s+SUBSCRIPTION|ALTER\s+SUBSCRIPTION|DROP\s+SUBSCRIPTION)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NonTransactional();

    [GeneratedRegex(@"\ACREATE\s+(ROLE|USER(?!\s+MAPPING\b)|GROUP)\s", RegexOptions.IgnoreCase)]
    private static partial Regex CreateRole();

    [GeneratedRegex(@"\ACOPY\b[^;]*\bFROM\s+STDIN\b", RegexOptions.IgnoreCase)]
    private static partial Regex CopyFromStdin();
}
