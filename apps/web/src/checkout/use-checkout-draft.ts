'use client';
import { useEffect, useState } from 'react';
import { loadCheckoutDraft, saveCheckoutDraft } from './checkout-draft';
import type { TestPaymentToken } from './test-payment-methods';

/** The address and payment method being typed, kept in the tab's session so a reload or a detour keeps them. */
export function useCheckoutDraft() {
  const [address, setAddress] = useState('');
  const [paymentMethod, setPaymentMethod] = useState<TestPaymentToken>('tok_visa');
  const [draftLoaded, setDraftLoaded] = useState(false);
  // Read after mounting (sessionStorage exists only in the browser), saved on every change after that.
  useEffect(() => {
    const draft = loadCheckoutDraft();
    if (draft.address) setAddress(draft.address);
    if (draft.paymentMethod) setPaymentMethod(draft.paymentMethod);
    setDraftLoaded(true);
  }, []);
  useEffect(() => {
    if (draftLoaded) saveCheckoutDraft({ address, paymentMethod });
  }, [draftLoaded, address, paymentMethod]);
  return { address, setAddress, paymentMethod, setPaymentMethod };
}
