using TenantGuard.Sql;

namespace TenantGuard.Harness.Migrations;

/// <summary>Recognises, from its first words, the statements the runner cannot just send inside the file's transaction.</summary>
internal static class StatementClassifier
{
    private static readonly string[][] NonTransactionalHeads =
    [
        ["create", "database"], ["drop", "database"], ["alter", "system"], ["vacuum"],
        ["create", "tablespace"], ["drop", "tablespace"],
        ["create", "index", "concurrently"], ["create", "unique", "index", "concurrently"], ["drop", "index", "concurrently"],
        ["create", "subscription"], ["alter", "subscription"], ["drop", "subscription"],
    ];

    public static StatementKind Classify(SqlScriptStatement statement)
    {
        if (IsTransactionControl(statement))
            return StatementKind.TransactionControl;
        if (IsWholeRollback(statement))
            return StatementKind.Rollback;
        if (NonTransactionalHeads.Any(statement.StartsWith) || (statement.StartsWith("reindex") && statement.Contains("concurrently")))
            return StatementKind.NonTransactional;
        if (statement.StartsWith("create", "role") || statement.StartsWith("create", "group")
            || (statement.StartsWith("create", "user") && !statement.StartsWith("create", "user", "mapping")))
            return StatementKind.CreateRole;
        return statement.StartsWith("copy") && IsFromStdin(statement) ? StatementKind.CopyFromStdin : StatementKind.Ordinary;
    }

    /// <summary>BEGIN / START TRANSACTION / COMMIT / END, with WORK or TRANSACTION and transaction modes.</summary>
    private static bool IsTransactionControl(SqlScriptStatement statement)
    {
        if (statement.StartsWith("begin"))
            return !statement.StartsWith("begin", "atomic");
        return statement.StartsWith("start", "transaction") || statement.StartsWith("commit") || statement.StartsWith("end");
    }

    /// <summary>ROLLBACK / ABORT of the whole transaction (ROLLBACK TO SAVEPOINT is ordinary).</summary>
    private static bool IsWholeRollback(SqlScriptStatement statement) =>
        (statement.StartsWith("rollback") || statement.StartsWith("abort"))
        && statement.Words.Skip(1).All(w => w.Is("work") || w.Is("transaction"));

    private static bool IsFromStdin(SqlScriptStatement statement)
    {
        var words = statement.Words;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].Is("from") && words[i + 1].Is("stdin"))
                return true;
        }

        return false;
    }
}
