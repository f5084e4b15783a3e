using TenantGuard.Harness.Migrations;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Tests.Migrations;

public sealed class StatementClassifierTests
{
    [Theory]
    [InlineData("BEGIN", "TransactionControl")]
    [InlineData("commit", "TransactionControl")]
    [InlineData("START TRANSACTION ISOLATION LEVEL SERIALIZABLE", "TransactionControl")]
    [InlineData("END", "TransactionControl")]
    [InlineData("ROLLBACK", "Rollback")]
    [InlineData("abort work", "Rollback")]
    [InlineData("ROLLBACK TO SAVEPOINT s", "Ordinary")]
    [InlineData("CREATE INDEX CONCURRENTLY i ON t (a)", "NonTransactional")]
    [InlineData("create unique index concurrently i on t (a)", "NonTransactional")]
    [InlineData("REINDEX TABLE CONCURRENTLY t", "NonTransactional")]
    [InlineData("VACUUM ANALYZE t", "NonTransactional")]
    [InlineData("ALTER SYSTEM SET work_mem = '8MB'", "NonTransactional")]
    [InlineData("CREATE DATABASE other", "NonTransactional")]
    [InlineData("CREATE ROLE app_user NOLOGIN", "CreateRole")]
    [InlineData("CREATE USER app_user", "CreateRole")]
    [InlineData("CREATE USER MAPPING FOR app_user SERVER s", "Ordinary")]
    [InlineData("COPY t (a) FROM stdin", "CopyFromStdin")]
    [InlineData("COPY t (a) FROM '/tmp/file'", "Ordinary")]
    [InlineData("CREATE INDEX i ON t (a)", "Ordinary")]
    [InlineData("/* note */ -- begin\nCREATE INDEX i ON t (a)", "Ordinary")]
    public void Classifies_what_the_runner_must_treat_specially(string statement, string expected)
    {
        Assert.Equal(Enum.Parse<StatementKind>(expected), StatementClassifier.Classify(SqlScript.Read(statement).Statements[0]));
    }
}
