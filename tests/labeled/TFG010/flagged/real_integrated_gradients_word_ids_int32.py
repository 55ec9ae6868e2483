# source: https://github.com/hiranumn/IntegratedGradients/issues/5  # known-miss: the int32 word ids arrive through helper parameters from a list comprehension
# reported: Using IntegratedGradients on a text classifier whose input is word ids fed to an Embedding layer, the gradient of the output w.r.t. the input comes back None; the maintainer explains the ids are discrete and one must differentiate w.r.t. the word vectors instead.
# observed (TF 2.21): the interpolated samples are cast back to int32 ids, the tape gradient w.r.t. them is None at line 27 (watch logs "dtype of the watched tensor must be floating"), and tf.reduce_sum of that None raises ValueError at line 33.
import numpy as np
import tensorflow as tf


class integrated_gradients:
    def __init__(self, model, outchannels=[], verbose=1):
        self.model = model
        if len(outchannels) == 0:
            outchannels = list(range(self.model.output_shape[-1]))
        self.outchannels = outchannels
        self.verbose = verbose

        # Build one gradient function per output channel
        self.get_gradients = {}
        for c in self.outchannels:
            self.get_gradients[c] = self._gradient_fn(c)

    def _gradient_fn(self, c):
        def get_gradients(inputs):
            x = tf.convert_to_tensor(inputs)
            with tf.GradientTape() as tape:
                tape.watch(x)
                out = self.model(x)[:, c]
            return tape.gradient(out, x)  # expect: TFG010
        return get_gradients

    def explain(self, sample, outc=0, reference=False, num_steps=50, verbose=0):
        samples, num_steps, step_sizes = integrated_gradients.linearly_interpolate(sample, reference, num_steps)
        gradients = self.get_gradients[outc](samples)
        explanation = tf.reduce_sum(gradients, axis=0) * step_sizes  # expect: TFG004
        return explanation

    @staticmethod
    def linearly_interpolate(sample, reference=False, num_steps=50):
        # Use default reference values if reference is not specified
        if reference is False:
            reference = np.zeros(sample.shape)

        # Reference and sample shape needs to match exactly
        assert sample.shape == reference.shape

        # Calcuated stepwise difference from reference to the actual sample.
        ret = np.zeros(tuple([num_steps] + [i for i in sample.shape]))
        for s in range(num_steps):
            ret[s] = reference + (sample - reference) * (s * 1.0 / num_steps)

        # the Embedding layer takes integer word ids
        return ret.astype(np.int32), num_steps, (sample - reference) * (1.0 / num_steps)


MAX_LEN, VOCAB = 6, 20
model = tf.keras.Sequential([
    tf.keras.Input(shape=(MAX_LEN,), dtype='int32'),
    tf.keras.layers.Embedding(VOCAB, 4),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(2, activation='softmax'),
])

X_val = np.random.randint(1, VOCAB, size=(3, MAX_LEN))
ig = integrated_gradients(model)
exp = ig.explain(X_val[0], outc=1, num_steps=5)
print(exp)
