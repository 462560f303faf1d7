namespace DisclosurePortal.Web.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>
    /// The job runner, its options (section "Jobs", checked at start-up) and the hosted worker that runs it.
    /// Handlers are registered by their features as keyed <see cref="IJobHandler"/> services under their kind.
    /// </summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>()
            .Bind(configuration.GetSection(JobOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobWorker>();
        return services;
    }
}
