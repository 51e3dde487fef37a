// Who is logged in: GET /api/me, kept by TanStack Query under the key ['me']. The CSRF token of
// the session comes with it (design: cookie session + x-csrf-token on every change).
import { useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError, api, onAuthProblem, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';
import { PATHS } from './menu';
import { FullPageSpin, QueryError } from '../components/feedback';

export const ME_KEY = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The logged-in user, inside pages guarded by RequireAuth. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe outside RequireAuth');
  return data;
}

/** Reacts to an ended session or a forced password change, wherever the request came from. */
export function useAuthProblemRedirects(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      onAuthProblem((code) => {
        if (code === 'auth.unauthenticated') {
          setCsrfToken(null);
          qc.setQueryData(ME_KEY, null);
        } else {
          void qc.invalidateQueries({ queryKey: ME_KEY });
        }
      }),
    [qc],
  );
}

/** Sends the anonymous to the login page and a user with a one-time password to change it first. */
export function RequireAuth({ children, passwordChangePage = false }: { children: ReactNode; passwordChangePage?: boolean }) {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? PATHS.login : `${PATHS.login}?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && !passwordChangePage) return <Navigate to={PATHS.changePassword} replace />;
  if (!me.mustChangePassword && passwordChangePage) return <Navigate to={PATHS.home} replace />;
  return <>{children}</>;
}
