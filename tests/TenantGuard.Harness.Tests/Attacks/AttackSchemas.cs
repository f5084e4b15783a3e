namespace TenantGuard.Harness.Tests.Attacks;

/// <summary>Small schemas for the attack tests: a correct one and single mistakes on top of it.</summary>
internal static class AttackSchemas
{
    private const string CurrentTenant = "nullif(current_setting('app.current_tenant', true), '')::uuid";

    public const string Tenants = """
        CREATE TABLE tenants (id uuid PRIMARY KEY, name text NOT NULL UNIQUE);
        GRANT SELECT ON tenants TO app_user;
        """;

    /// <summary>projects → tasks with a composite foreign key, an enum, a CHECK and a unique key per tenant.</summary>
    public const string Isolated = Tenants + $"""
        CREATE TYPE task_state AS ENUM ('open', 'done');
        CREATE TABLE projects (
            tenant_id uuid NOT NULL REFERENCES tenants (id),
            id bigint GENERATED ALWAYS AS IDENTITY,
            code varchar(12) NOT NULL,
            budget integer NOT NULL CHECK (budget > 0),
            PRIMARY KEY (tenant_id, id),
            UNIQUE (tenant_id, code));
        CREATE TABLE tasks (
            tenant_id uuid NOT NULL,
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            project_id bigint NOT NULL,
            state task_state NOT NULL,
            due date,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id));
        ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
        ALTER TABLE projects FORCE ROW LEVEL SECURITY;
        ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
        ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
        CREATE POLICY projects_isolation ON projects USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
        CREATE POLICY tasks_isolation ON tasks USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
        GRANT SELECT, INSERT, UPDATE, DELETE ON projects, tasks TO app_user;
        """;
}
