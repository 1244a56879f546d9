package com.propdesk.manage;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceManager;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

import com.propdesk.system.EngineSessions;

/**
 * An upload with duplicate filtering ({@code deploy-changed-only}, as Camunda Modeler sends it) deploys nothing when
 * its files equal the latest ones deployed under the same deployment name, wherever those came from. The engine
 * compares only with earlier deployments of the same source: the first Modeler upload of a diagram the repository
 * deployed at start-up (source {@code propdesk-repository}) was never a duplicate, and an unchanged redeploy made a
 * spurious new version. PropDesk's own deployments do their own comparison and do not filter.
 */
@Component
class UnchangedUploadsDeployNothing extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineSessions.replace(configuration, ResourceManager.class, AnySourceResourceManager::new);
	}

	/** The engine's resource manager, comparing an upload with the latest deployment of its name from any source. */
	static final class AnySourceResourceManager extends ResourceManager {

		@Override
		public Map<String, ResourceEntity> findLatestResourcesByDeploymentName(String deploymentName,
				Set<String> resourcesToFind, String source, String tenantId) {
			DeploymentQueryImpl query = new DeploymentQueryImpl();
			query.deploymentName(deploymentName);
			if (tenantId == null) {
				query.withoutTenantId();
			}
			else {
				query.tenantIdIn(tenantId);
			}
			query.orderByDeploymentTime().desc();
			Map<String, ResourceEntity> latest = new HashMap<>();
			for (Deployment deployment : getDeploymentManager().findDeploymentsByQueryCriteria(query, new Page(0, 500))) {
				for (ResourceEntity resource : findResourcesByDeploymentId(deployment.getId())) {
					if (resourcesToFind.contains(resource.getName())) {
						latest.putIfAbsent(resource.getName(), resource);
					}
				}
				if (latest.size() == resourcesToFind.size()) {
					break;
				}
			}
			return latest;
		}

	}

}
