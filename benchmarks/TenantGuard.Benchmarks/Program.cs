using TenantGuard.Benchmarks.Cli;

return await BenchmarkCommandLine.Create().Parse(args).InvokeAsync();
