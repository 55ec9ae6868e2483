# source: https://github.com/maciejskorski/nn_hessian_intialization/blob/master/chain_rule_nn.ipynb
# reported: A notebook checks the Hessian chain rule D2_w L = D2_z L . D_w z . D_w z + D_z L . D2_w z for each Dense kernel of a ReLU MNIST classifier (Flatten, two Dense(30, relu), a linear Dense(10), cross-entropy loss): the second term vanishes for ReLU, so the automatic Hessian form must equal the one built from the Hessian of the loss in the logits.
# observed (TF 2.21): runs clean: the weight gradient at line 41, the Hessian-vector product at line 42 (second derivative of the cross-entropy w.r.t. a kernel of the ReLU network), the logit gradient at line 51 and the Jacobians at lines 52 and 53 all return values, and the two Hessian forms agree
import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
train_inputs = rng.random((8, 28, 28)).astype("float32")  # stands in for MNIST / 255.0
train_labels = rng.integers(0, 10, size=8)


def SparseCategoricalCrossentropy(labels, logits):
    Z = tf.reduce_logsumexp(logits, axis=-1)
    lookup_labels = tf.stack([tf.range(tf.shape(labels)[0]), tf.cast(labels, tf.int32)], 1)
    true_logits = tf.gather_nd(logits, lookup_labels)
    return tf.reduce_sum(-true_logits + Z)


def build_network():
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(28, 28)),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(30, activation='relu', name='dense1'),
        tf.keras.layers.Dense(30, activation='relu', name='dense2'),
        tf.keras.layers.Dense(10, activation='linear', name='dense3'),
    ])
    return model


model = build_network()


def test_chain_rule(layer, inputs, labels):
    w = layer.kernel
    # auto hessian form  w . H . w  (through a Hessian-vector product)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            logits = model(inputs)
            loss = SparseCategoricalCrossentropy(labels, logits)
        g = inner.gradient(loss, w)
    Hw = outer.gradient(g, w, output_gradients=tf.convert_to_tensor(w))
    H_form_auto = tf.reduce_sum(w * Hw)

    # manual hessian form from the Hessian of the loss in the logits
    with tf.GradientTape(persistent=True) as t2:
        with tf.GradientTape() as t1:
            z = model(inputs)
            t1.watch(z)
            loss_z = SparseCategoricalCrossentropy(labels, z)
        g_z = t1.gradient(loss_z, z)
    H_z = t2.jacobian(g_z, z)            # (batch, 10, batch, 10)
    B = t2.jacobian(z, w)                # (batch, 10) + kernel shape
    V = tf.einsum('abcd,cd->ab', B, w)
    H_form = tf.einsum('ab,abcd,cd->', V, H_z, V)
    np.testing.assert_allclose(H_form_auto.numpy(), H_form.numpy(), rtol=1e-3, atol=1e-5)
    return float(H_form_auto), float(H_form)


sample = rng.integers(0, len(train_labels), size=[2])
for layer_name in ['dense1', 'dense2', 'dense3']:
    print(layer_name, test_chain_rule(model.get_layer(layer_name), train_inputs[sample], train_labels[sample]))
