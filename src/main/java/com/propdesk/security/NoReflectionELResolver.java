package com.propdesk.security;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;

/**
 * First in the engine's chain of expression resolvers: whatever way an expression reached the engine, it
 * cannot walk from a value to Java reflection ({@code ${caseNo.class.classLoader}}) nor call a method on a
 * class, class loader or reflective object. Everything else is left to the resolvers behind it.
 */
final class NoReflectionELResolver extends ELResolver {

	/** Methods that hand out reflective objects or load classes, whatever object they are called on. */
	static final Set<String> REFUSED_METHODS = Set.of("getClass", "getClassLoader", "getContextClassLoader",
			"getDeclaringClass", "getModule", "getProtectionDomain", "forName", "loadClass", "getRuntime", "exec",
			"getSystemClassLoader", "getPlatformClassLoader", "newInstance");

	static boolean isReflective(Object base) {
		return base instanceof Class || base instanceof ClassLoader || base instanceof Module || base instanceof ModuleLayer
				|| base instanceof java.security.ProtectionDomain || base instanceof java.security.CodeSource
				|| base instanceof Runtime || base instanceof ProcessBuilder || base instanceof Thread
				|| base.getClass().getPackageName().startsWith("java.lang.reflect")
				|| base.getClass().getPackageName().startsWith("java.lang.invoke");
	}

	static boolean isReflectiveName(Object property) {
		if (!(property instanceof String name)) {
			return false;
		}
		return ExpressionPolicy.REFLECTIVE.contains(name) || name.endsWith("Class") || name.endsWith("Classes")
				|| name.contains("ClassLoader");
	}

	private static void refuse(Object base, Object property) {
		if (base != null && (isReflective(base) || isReflectiveName(property))) {
			throw new PropertyNotFoundException("表达式不得读取反射属性 " + property + "（" + base.getClass().getSimpleName() + "）");
		}
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		refuse(base, property);
		return null;
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		if (base != null && (isReflective(base) || REFUSED_METHODS.contains(String.valueOf(method)))) {
			throw new PropertyNotFoundException("表达式不得调用反射方法 " + method + "（" + base.getClass().getSimpleName() + "）");
		}
		return null;
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		refuse(base, property);
		return null;
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		refuse(base, property);
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		refuse(base, property);
		return false;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return null;
	}

}
