'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { cartStore } from '../cart/cart-store';
import { gotNoAnswer } from '../trpc/trpc-error';
import { useTRPC, useTRPCClient } from '../trpc/trpc-react';
import { clearCheckoutDraft } from './checkout-draft';
import { finishCheckout } from './checkout-idempotency-key';

/**
 * After a failed Place order, what we know: the service refused it (nothing ordered), the answer was lost and we
 * are checking by the idempotency key, the check found nothing (nothing ordered), or the check failed too.
 */
export type LostAnswerCheck = 'none' | 'checking' | 'not-ordered' | 'unknown';

/** Places the order; when the answer is lost, asks by the idempotency key whether it was created before saying so. */
export function usePlaceOrder() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const submitting = useRef(false);
  const [check, setCheck] = useState<LostAnswerCheck>('none');
  const goTo = (orderId: string) => {
    finishCheckout();
    clearCheckoutDraft();
    cartStore.clear();
    router.push(`/orders/${orderId}?placed=1`);
  };
  const createOrder = useMutation(
    trpc.order.create.mutationOptions({
      onMutate() {
        setCheck('none');
      },
      onSuccess(order) {
        goTo(order.id);
      },
      async onError(error, input) {
        if (!gotNoAnswer(error)) return;
        setCheck('checking');
        try {
          const { orderId } = await client.order.findByIdempotencyKey.query({
            idempotencyKey: input.idempotencyKey,
          });
          if (orderId) goTo(orderId);
          else setCheck('not-ordered');
        } catch {
          setCheck('unknown');
        }
      },
      onSettled() {
        submitting.current = false;
      },
    }),
  );
  return { createOrder, submitting, check };
}
