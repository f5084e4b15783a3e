namespace TenantGuard.Harness.Migrations;

/// <summary>What the runner must know about a statement before sending it.</summary>
internal enum StatementKind
{
    Ordinary,

    /// <summary>BEGIN / START TRANSACTION / COMMIT / END: the runner already wraps each file in a transaction.</summary>
    TransactionControl,

    /// <summary>Cannot run inside a transaction block (CREATE DATABASE, VACUUM, CREATE INDEX CONCURRENTLY …).</summary>
    NonTransactional,

    /// <summary>CREATE ROLE / USER / GROUP: roles are cluster-wide, so the role may exist already.</summary>
    CreateRole,

    /// <summary>COPY … FROM STDIN: needs psql to stream the data that follows.</summary>
    CopyFromStdin,

    /// <summary>ROLLBACK / ABORT: would silently discard the file's work.</summary>
    Rollback,
}
